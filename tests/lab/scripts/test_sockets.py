"""The lab's ports: free on every node address, and out of the way of the kernel's own picks."""

import random
import socket
import unittest

from lablib import sockets


def kernel_chosen_port(address):
    """What a bind to port 0 on `address` gets; the socket stays open."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind((address, 0))
    return probe, probe.getsockname()[1]


class FreePortTest(unittest.TestCase):
    ADDRESSES = ["127.0.0.1", "127.0.0.2"]

    def test_below_the_ephemeral_range_and_bindable_on_every_address(self):
        port = sockets.free_port(self.ADDRESSES)
        self.assertLess(port, sockets._ephemeral_range_start())
        for address in self.ADDRESSES:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
                probe.bind((address, port))

    def test_never_the_same_port_twice_nor_one_the_kernel_hands_out(self):
        seen, held = set(), []
        try:
            for _ in range(100):
                port = sockets.free_port(self.ADDRESSES)
                self.assertNotIn(port, seen)
                seen.add(port)
                probe, theirs = kernel_chosen_port("127.0.0.1")
                held.append(probe)
                self.assertNotEqual(theirs, port)
        finally:
            for probe in held:
                probe.close()

    def test_a_port_taken_on_one_address_is_never_chosen(self):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
            taken = self.hold_a_low_port(holder, "127.0.0.2")
            port = sockets.free_port(self.ADDRESSES, rng=FirstPick(taken))
        self.assertNotEqual(port, taken)

    @staticmethod
    def hold_a_low_port(holder, address):
        for port in range(sockets._LOWEST_PORT, sockets._ephemeral_range_start()):
            try:
                holder.bind((address, port))
            except OSError:
                continue
            holder.listen()
            return port
        raise AssertionError("no free port below the ephemeral range on %s" % address)


class FirstPick:
    """Makes free_port try `port` first, then ports at random."""

    def __init__(self, port):
        self.pending = [port]

    def randint(self, low, high):
        return self.pending.pop() if self.pending else random.randint(low, high)

if __name__ == "__main__":
    unittest.main()
