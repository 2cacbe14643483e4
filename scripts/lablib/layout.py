"""Where everything of one lab lives inside its folder."""

import os
import re

# The folder's path goes unquoted into sshd_config, ssh_config and ExaBGP's config.
SAFE_PATH = re.compile(r"[A-Za-z0-9._/+@:,=-]+")

# sockaddr_un.sun_path holds 108 bytes with the terminating NUL.
MAX_SOCKET_PATH = 107


class LabLayout:
    def __init__(self, root):
        self.root = os.path.abspath(root)

    @property
    def state_file(self):
        return os.path.join(self.root, "lab.json")

    @property
    def inventory(self):
        return os.path.join(self.root, "fleet.toml")

    @property
    def upstream_dir(self):
        return os.path.join(self.root, "upstream")

    @property
    def gobgpd_config(self):
        return os.path.join(self.upstream_dir, "gobgpd.toml")

    @property
    def ssh_dir(self):
        return os.path.join(self.root, "ssh")

    def ssh_file(self, name):
        return os.path.join(self.ssh_dir, name)

    @property
    def ssh_config(self):
        return self.ssh_file("ssh_config")

    @property
    def known_hosts(self):
        return self.ssh_file("known_hosts")

    @property
    def user_key(self):
        return self.ssh_file("id_ed25519")

    @property
    def host_key(self):
        return self.ssh_file("ssh_host_ed25519_key")

    def node_dir(self, node):
        return os.path.join(self.root, "nodes", node.name)

    def node_file(self, node, name):
        return os.path.join(self.node_dir(node), name)

    def api_socket(self, node):
        return self.node_file(node, "api.sock")

    def bgp_socket(self, node):
        return self.node_file(node, "bgp.sock")

    def control_socket(self, node):
        return self.node_file(node, "control.sock")

    def agent_config(self, node):
        return self.node_file(node, "agent.toml")

    def state_dir(self, node):
        return self.node_file(node, "state")

    def socket_paths(self, nodes):
        return [path for node in nodes for path in
                (self.api_socket(node), self.bgp_socket(node), self.control_socket(node))]

    def unsafe_reason(self):
        """Why this folder cannot hold a lab, or None."""
        if not SAFE_PATH.fullmatch(self.root):
            return ("%r: the lab folder's path may hold only letters, digits and . _ / + @ : "
                    ", = - (it goes into sshd's and ExaBGP's configs)" % self.root)
        return None

    def too_long_socket_paths(self, nodes):
        return [p for p in self.socket_paths(nodes) if len(os.fsencode(p)) > MAX_SOCKET_PATH]

    def generated_entries(self):
        """What `up` creates at the top of the folder, so that a stopped lab's folder can be
        reused without touching anything else a user may have put there."""
        return ["lab.json", "fleet.toml", "upstream", "ssh", "nodes"]
