"""The lab's generated files parse, and say what the lab promises."""

import tomllib
import unittest

from lablib import render, topology
from lablib.layout import LabLayout

LAYOUT = LabLayout("/tmp/anycast-lab-noc")
FRA = topology.node_named("fra-1")


class RenderTest(unittest.TestCase):
    def test_agent_config(self):
        text = render.agent_config(FRA, LAYOUT, "ops", 40001, 40002,
                                   ["http://127.0.0.12:40003"])
        config = tomllib.loads(text)
        self.assertEqual(config["agent"]["node"], "fra-1")
        self.assertEqual(config["agent"]["region"], "eu-central")
        self.assertEqual(config["agent"]["location"], [50.11, 8.68])
        self.assertEqual(config["agent"]["api_socket"], LAYOUT.api_socket(FRA))
        self.assertEqual(config["agent"]["http_listen"], "127.0.0.11:40001")
        self.assertEqual(config["agent"]["operators_group"], "ops")
        self.assertEqual(config["bgp"]["next_hop"], "198.51.100.11")
        self.assertEqual(config["fleet"]["peers"], ["http://127.0.0.12:40003"])
        self.assertEqual(config["service"][0]["ports"], [40002])
        self.assertEqual(config["service"][0]["prefixes"], ["192.0.2.1/32", "203.0.113.1/32"])

    def test_inventory_names_every_node_through_the_lab_ssh_config(self):
        inventory = tomllib.loads(render.inventory(LAYOUT, topology.NODES))
        self.assertEqual(inventory["ssh_config"], LAYOUT.ssh_config)
        self.assertEqual([node["ssh"] for node in inventory["node"]],
                         [node.name for node in topology.NODES])
        self.assertEqual(inventory["node"][0]["socket"], LAYOUT.api_socket(FRA))

    def test_ssh_files(self):
        config = render.ssh_config(LAYOUT, 2222, "noc", topology.NODES)
        self.assertEqual(config.count("\nHost "), len(topology.NODES))
        self.assertIn("HostName 127.0.0.11\n    Port 2222", config)
        self.assertIn("StrictHostKeyChecking yes", config)
        self.assertNotIn("~", config)
        hosts = render.known_hosts(2222, "ssh-ed25519 AAAAkey lab host\n", topology.NODES)
        self.assertEqual(hosts.splitlines()[0], "[127.0.0.11]:2222,[fra-1]:2222 "
                                                "ssh-ed25519 AAAAkey")
        sshd = render.sshd_config(LAYOUT, 2222, "noc", topology.NODES)
        self.assertIn("AllowStreamLocalForwarding yes", sshd)
        self.assertIn("UsePAM no", sshd)
        self.assertIn("PasswordAuthentication no", sshd)
        self.assertEqual(sshd.count("ListenAddress 127.0.0."), len(topology.NODES))
        self.assertNotIn("0.0.0.0", sshd)

    def test_upstream_is_passive_towards_every_node(self):
        config = tomllib.loads(render.gobgpd_config(10179, topology.NODES))
        self.assertEqual(config["global"]["config"]["port"], 10179)
        neighbors = config["neighbors"]
        self.assertEqual([n["config"]["neighbor-address"] for n in neighbors],
                         [node.address for node in topology.NODES])
        self.assertTrue(all(n["transport"]["config"]["passive-mode"] for n in neighbors))


class LayoutTest(unittest.TestCase):
    def test_folder_paths_that_would_break_the_configs_are_refused(self):
        self.assertIsNone(LabLayout("/tmp/anycast-lab-noc.1").unsafe_reason())
        for path in ("/tmp/lab dir", '/tmp/"lab"', "/tmp/lab#1", "/tmp/lab\n", "/tmp/l;b",
                     "/tmp/lab{x}"):
            self.assertIsNotNone(LabLayout(path).unsafe_reason(), path)

    def test_long_folders_are_caught_before_any_socket_is_made(self):
        self.assertEqual(LabLayout("/tmp/short").too_long_socket_paths(topology.NODES), [])
        self.assertTrue(LabLayout("/tmp/" + "x" * 90).too_long_socket_paths(topology.NODES))


if __name__ == "__main__":
    unittest.main()
