"""scripts/check-layering: the real tree passes, and each rule catches a made-up violation."""

import pathlib
import subprocess
import sys
import tempfile
import unittest

SCRIPT = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "check-layering"
SOURCE = pathlib.Path(__file__).resolve().parents[2]


def run(root):
    return subprocess.run([sys.executable, str(SCRIPT), str(root)], capture_output=True,
                          text=True, check=False)


class Layering(unittest.TestCase):
    def make_tree(self, files):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        root = pathlib.Path(folder.name)
        (root / "agent").mkdir()
        for relative, text in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        return root

    def test_the_source_tree_keeps_its_layers(self):
        result = run(SOURCE)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_a_clean_made_up_tree_passes(self):
        root = self.make_tree({
            "agent/health/Engine.h": '#include "common/Sample.h"\n#include <QString>\n'
                                     '#include "agent/support/SteadyTime.h"\n',
            "agent/support/SteadyTime.h": "#include <chrono>\n",
            "common/Sample.h": "#include <QString>\n",
            "agent/bridge/Bridge.cpp": '#include "agent/bridge/Bridge.h"\n#include <string>\n',
            "agent/bridge/Bridge.h": "#include <vector>\n",
        })
        result = run(root)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_pure_logic_including_the_sampler_is_refused(self):
        root = self.make_tree({
            "agent/policy/Policy.cpp": '#include <vector>\n'
                                       '#include "agent/sampler/NetlinkSampler.h"\n',
            "agent/sampler/NetlinkSampler.h": "",
        })
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("agent/policy/Policy.cpp:2: pure: includes agent/sampler/NetlinkSampler.h",
                      result.stdout)

    def test_pure_logic_including_an_io_helper_is_refused(self):
        root = self.make_tree({
            "agent/health/Engine.cpp": '#include "agent/support/SteadyTime.h"\n'
                                       '#include "agent/support/UnixSocketPath.h"\n',
            "agent/support/SteadyTime.h": "#include <chrono>\n",
            "agent/support/UnixSocketPath.h": "#include <QString>\n",
        })
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("agent/health/Engine.cpp:2: pure: includes agent/support/UnixSocketPath.h",
                      result.stdout)
        self.assertNotIn("SteadyTime", result.stdout)

    def test_pure_logic_reaching_the_sampler_through_a_header_is_refused(self):
        root = self.make_tree({
            "agent/policy/Policy.h": '#include "agent/config/Settings.h"\n',
            "agent/config/Settings.h": '#include "common/Ports.h"\n',
            "common/Ports.h": '#include "agent/sampler/ServicePorts.h"\n',
            "agent/sampler/ServicePorts.h": "",
        })
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("agent/policy/Policy.h:1: pure: includes agent/config/Settings.h, which "
                      "does I/O", result.stdout)
        root = self.make_tree({
            "agent/policy/Policy.h": '#include "common/Config.h"\n',
            "common/Config.h": '#include "common/Ports.h"\n',
            "common/Ports.h": '#include "agent/sampler/ServicePorts.h"\n',
            "agent/sampler/ServicePorts.h": "",
        })
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("agent/policy/Policy.h:1: pure: includes agent/sampler/ServicePorts.h "
                      "(through common/Config.h -> common/Ports.h), which does I/O",
                      result.stdout)

    def test_a_data_type_with_a_clock_type_is_not_a_clock_read(self):
        root = self.make_tree({
            "agent/policy/Policy.cpp": '#include "common/Record.h"\n',
            "common/Record.h": "#include <QDateTime>\n",
        })
        result = run(root)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_a_pure_helper_that_does_io_is_refused(self):
        root = self.make_tree({"agent/support/TextQuoting.cpp": "#include <unistd.h>\n"})
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("agent/support/TextQuoting.cpp:1: pure: includes <unistd.h>", result.stdout)

    def test_pure_logic_with_a_timer_is_refused(self):
        root = self.make_tree({"agent/health/Engine.cpp": "#include <QTimer>\n"})
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("agent/health/Engine.cpp:1: pure: includes <QTimer>", result.stdout)

    def test_common_including_the_agent_is_refused(self):
        root = self.make_tree({
            "common/Shared.h": '#include "agent/runtime/AgentRuntime.h"\n',
            "agent/runtime/AgentRuntime.h": "",
        })
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("common/Shared.h:1: common: includes agent/runtime/AgentRuntime.h",
                      result.stdout)

    def test_qt_reaching_the_bridge_through_a_header_is_refused(self):
        root = self.make_tree({
            "agent/bridge/main.cpp": '#include "agent/bridge/LineBuffer.h"\n',
            "agent/bridge/LineBuffer.h": '#include "common/Text.h"\n',
            "common/Text.h": "#include <QString>\n",
        })
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("agent/bridge/main.cpp:1: bridge: includes <QString> (through",
                      result.stdout)

    def test_the_console_including_the_agent_is_refused(self):
        root = self.make_tree({
            "app/Window.cpp": '#include "agent/api/ApiServer.h"\n',
            "agent/api/ApiServer.h": "",
        })
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("app/Window.cpp:1: console: includes agent/api/ApiServer.h", result.stdout)

    def test_an_include_that_does_not_name_its_folder_is_refused(self):
        root = self.make_tree({
            "agent/runtime/Runtime.cpp": '#include "Monitor.h"\n#include "sampler/Sampler.h"\n'
                                         '#include "agent/runtime/Monitor.h"\n',
            "agent/runtime/Monitor.h": "",
            "agent/sampler/Sampler.h": "",
            "app/moc_Window.cpp": '#include "ui_Window.h"\n',
        })
        result = run(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn('agent/runtime/Runtime.cpp:1: path: "Monitor.h" is agent/runtime/Monitor.h',
                      result.stdout)
        self.assertIn('agent/runtime/Runtime.cpp:2: path: "sampler/Sampler.h" is '
                      'agent/sampler/Sampler.h', result.stdout)
        self.assertNotIn("Runtime.cpp:3", result.stdout)
        self.assertNotIn("ui_Window.h", result.stdout, "a generated header is no project file")

    def test_a_folder_that_is_not_the_tree_is_a_usage_error(self):
        with tempfile.TemporaryDirectory() as empty:
            self.assertEqual(run(empty).returncode, 2)


if __name__ == "__main__":
    unittest.main()
