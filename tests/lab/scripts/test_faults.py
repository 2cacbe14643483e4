"""Argument checks of `scripts/lab fault`: strict, and done before anything is touched."""

import unittest

from lablib import faults


class ParseTest(unittest.TestCase):
    def test_valid_faults(self):
        self.assertEqual(faults.parse("close-listener", []), ("close-listener", []))
        self.assertEqual(faults.parse("delay", ["250"]), ("delay", [250]))
        self.assertEqual(faults.parse("status", ["503"]), ("status", [503]))
        self.assertEqual(faults.parse("net-delay", ["100", "20"]), ("net-delay", [100, 20]))
        self.assertEqual(faults.parse("net-loss", ["2.5"]), ("net-loss", [2.5]))
        self.assertEqual(faults.parse("clear", []), ("clear", []))

    def test_invalid_faults(self):
        for kind, arguments in (("reboot", []), ("", []), ("close-listener", ["now"]),
                                ("delay", []), ("delay", ["-1"]), ("delay", ["1e3"]),
                                ("delay", ["600001"]), ("status", ["199"]),
                                ("status", ["600"]), ("status", ["500", "1"]),
                                ("net-delay", []), ("net-delay", ["0"]),
                                ("net-delay", ["1", "2", "3"]), ("net-loss", ["0"]),
                                ("net-loss", ["101"]), ("net-loss", ["nan"]),
                                ("net-loss", [" 5"]), ("clear", ["all"])):
            with self.assertRaises(faults.UsageError, msg="%s %s" % (kind, arguments)):
                faults.parse(kind, arguments)


if __name__ == "__main__":
    unittest.main()
