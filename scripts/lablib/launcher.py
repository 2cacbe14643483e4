"""`scripts/lab up`: starts the lab and waits until every part is ready, saying what it does.
If any step fails (or Ctrl-C), everything started so far is stopped again."""

import concurrent.futures
import os
import re
import shutil
import signal
import subprocess
import time

from . import environment, folder, labssh, labstate, processes, render, sockets, teardown, topology
from .clients import Gobgp, LabError, http_status
from .layout import LabLayout

AGENT_PATIENCE = 20.0
BGP_PATIENCE = 90.0
ROUTE_PATIENCE = 60.0


class Interrupted(Exception):
    pass


def _on_terminate(signum, frame):
    raise Interrupted("signal %d" % signum)


def _wait(condition, patience, what, interval=0.2):
    deadline = time.monotonic() + patience
    while True:
        processes.reap_children()
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise LabError("%s: not ready after %g s" % (what, patience))
        time.sleep(interval)


def _log_tail(path, lines=15):
    try:
        with open(path, errors="replace") as file:
            return "".join(file.readlines()[-lines:])
    except OSError:
        return ""


class Launcher:
    def __init__(self, layout, bin_path, say):
        self.layout = layout
        self.bin = bin_path
        self.say = say
        self.state = None
        self.started = time.monotonic()

    # -- the folder ------------------------------------------------------------------------
    def prepare_folder(self):
        folder.prepare(self.layout)
        self.state = labstate.new_state(self.layout.root)
        self.state["bin"] = self.bin
        self.save()

    def save(self):
        labstate.save(self.layout, self.state)

    def spawn(self, name, argv, cwd, log, env=None):
        entry = processes.spawn(name, argv, cwd, log, env)
        self.state["processes"].append(entry)
        self.save()
        return entry

    def step(self, text):
        self.say("[%5.1fs] %s" % (time.monotonic() - self.started, text))

    def expect_alive(self, entry, log):
        processes.reap_children()
        if not processes.is_alive(entry):
            raise LabError("%s exited; the end of %s:\n%s" % (entry["name"], log, _log_tail(log)))

    # -- the parts -------------------------------------------------------------------------
    def start_services(self):
        for node in topology.NODES:
            log = self.layout.node_file(node, "service.log")
            entry = self.spawn("lab service %s" % node.name, [
                environment.binary(self.bin, "anycast-lab-service"), "--listen",
                "%s:0" % node.address, "--backlog", "8", "--control",
                self.layout.control_socket(node)], self.layout.node_dir(node), log)

            def port():
                self.expect_alive(entry, log)
                match = re.search(r"^listening [0-9.]+:(\d+)$", _log_tail(log, 5), re.M)
                return int(match.group(1)) if match and os.path.exists(
                    self.layout.control_socket(node)) else None

            service_port = _wait(port, 10, "lab service %s" % node.name, 0.05)
            self.state["nodes"][node.name] = {
                "address": node.address, "region": node.region, "city": node.city,
                "location": [node.latitude, node.longitude], "service_port": service_port,
                "api_socket": self.layout.api_socket(node),
                "control_socket": self.layout.control_socket(node)}
            self.step("lab service %-6s listening on %s:%d" % (node.name, node.address,
                                                              service_port))
        self.save()

    def write_agent_configs(self):
        for node in topology.NODES:
            self.state["nodes"][node.name]["http_port"] = sockets.free_port([node.address])
        for node in topology.NODES:
            peers = ["http://%s:%d" % (other.address, self.state["nodes"][other.name]["http_port"])
                     for other in topology.NODES if other is not node]
            mine = self.state["nodes"][node.name]
            path = self.layout.agent_config(node)
            with open(path, "w") as file:
                file.write(render.agent_config(node, self.layout, environment.group_name(),
                                               mine["http_port"], mine["service_port"], peers))
            check = subprocess.run([environment.binary(self.bin, "anycast-agent"), "--config",
                                    path, "--check"], capture_output=True, text=True)
            if check.returncode != 0:
                raise LabError("generated config rejected:\n%s" % (check.stderr + check.stdout))
        self.save()

    def start_upstream(self):
        upstream = self.state["upstream"]
        upstream["bgp_port"] = sockets.free_port([topology.UPSTREAM_ADDRESS])
        upstream["api_port"] = sockets.free_port([topology.UPSTREAM_ADDRESS])
        upstream["as"] = topology.UPSTREAM_AS
        with open(self.layout.gobgpd_config, "w") as file:
            file.write(render.gobgpd_config(upstream["bgp_port"], topology.NODES))
        log = os.path.join(self.layout.upstream_dir, "gobgpd.log")
        # --pprof-disable: otherwise every gobgpd binds localhost:6060 and labs clash.
        entry = self.spawn("gobgpd", [
            "gobgpd", "-f", self.layout.gobgpd_config, "--api-hosts",
            "%s:%d" % (topology.UPSTREAM_ADDRESS, upstream["api_port"]), "-l", "info", "-p",
            "--pprof-disable"], self.layout.upstream_dir, log)
        gobgp = Gobgp(upstream["api_port"])

        def configured():
            self.expect_alive(entry, log)
            try:
                return len(gobgp.neighbor_states()) == len(topology.NODES) and sockets.listening(
                    [(topology.UPSTREAM_ADDRESS, upstream["bgp_port"])])
            except LabError:
                return False

        _wait(configured, 20, "gobgpd")
        self.save()
        self.step("upstream gobgpd (AS %d) listening on %s:%d, API port %d" % (
            topology.UPSTREAM_AS, topology.UPSTREAM_ADDRESS, upstream["bgp_port"],
            upstream["api_port"]))

    def start_agents(self):
        entries = []
        for node in topology.NODES:
            log = self.layout.node_file(node, "agent.log")
            entries.append((node, log, self.spawn("agent %s" % node.name, [
                environment.binary(self.bin, "anycast-agent"), "--config",
                self.layout.agent_config(node)], self.layout.node_dir(node), log)))
            self.state["nodes"][node.name]["agent_pid"] = entries[-1][2]["pid"]
        self.save()
        for node, log, entry in entries:
            mine = self.state["nodes"][node.name]

            def answers():
                self.expect_alive(entry, log)
                return http_status(node.address, mine["http_port"], timeout=1.0)

            status = _wait(answers, AGENT_PATIENCE, "agent %s /status" % node.name)
            self.step("agent %-6s %s, %s: /status on %s:%d answers" % (
                node.name, status.get("region"), node.city, node.address, mine["http_port"]))

    def start_speakers(self):
        upstream = self.state["upstream"]
        env = dict(os.environ)
        # Environment variables override /etc/exabgp/exabgp.env. ExaBGP drops privileges to
        # exabgp.daemon.user (default 'exabgp'); staying ourselves needs no root.
        env.update({"exabgp.daemon.daemonize": "false",
                    "exabgp.daemon.user": environment.user_name(),
                    "exabgp.daemon.pid": "",
                    # No named pipes for `exabgp --run cli`: they would live in a shared folder.
                    "exabgp.api.cli": "false",
                    "exabgp.log.destination": "stdout",
                    # Never listen, whatever a host env file says.
                    "exabgp.tcp.bind": "",
                    "PYTHONUNBUFFERED": "1"})
        for node in topology.NODES:
            config = self.layout.node_file(node, "exabgp.conf")
            generated = subprocess.run([
                environment.binary(self.bin, "anycast-agent"), "--config",
                self.layout.agent_config(node), "exabgp-config", "--neighbor",
                topology.UPSTREAM_ADDRESS, "--peer-as", str(topology.UPSTREAM_AS),
                "--local-address", node.address, "--router-id", node.address, "--connect",
                str(upstream["bgp_port"])], capture_output=True, text=True)
            if generated.returncode != 0:
                raise LabError("exabgp-config for %s: %s" % (node.name, generated.stderr))
            with open(config, "w") as file:
                file.write(generated.stdout)
            self.spawn("exabgp %s" % node.name, ["exabgp", config], self.layout.node_dir(node),
                       self.layout.node_file(node, "exabgp.log"), env)
            self.step("exabgp %-6s from %s, next-hop %s, dialling the upstream" % (
                node.name, node.address, node.next_hop))

    def start_sshd(self):
        layout, ssh = self.layout, self.state["ssh"]
        for key, comment in ((layout.host_key, "anycast-lab host"),
                             (layout.user_key, "anycast-lab user")):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f",
                            key], check=True, capture_output=True)
        shutil.copyfile(layout.user_key + ".pub", layout.ssh_file("authorized_keys"))
        ssh["port"] = sockets.free_port([node.address for node in topology.NODES])
        ssh["user"] = environment.user_name()
        with open(layout.ssh_file("sshd_config"), "w") as file:
            file.write(render.sshd_config(layout, ssh["port"], ssh["user"], topology.NODES))
        with open(layout.host_key + ".pub") as file:
            host_key = file.read()
        with open(layout.known_hosts, "w") as file:
            file.write(render.known_hosts(ssh["port"], host_key, topology.NODES))
        with open(layout.ssh_config, "w") as file:
            file.write(render.ssh_config(layout, ssh["port"], ssh["user"], topology.NODES))
        with open(layout.inventory, "w") as file:
            file.write(render.inventory(layout, topology.NODES))
        if os.geteuid() == 0 and not os.path.isdir("/run/sshd"):
            # sshd as root insists on its privilege separation folder (the package's service
            # creates it at boot; a container may not have it).
            os.makedirs("/run/sshd", mode=0o755)
        test = subprocess.run([environment.SSHD, "-t", "-f", layout.ssh_file("sshd_config")],
                              capture_output=True, text=True)
        if test.returncode != 0:
            raise LabError("sshd rejects the generated config: %s" % test.stderr.strip())
        log = layout.ssh_file("sshd.log")
        entry = self.spawn("sshd", [environment.SSHD, "-D", "-e", "-f",
                                    layout.ssh_file("sshd_config")], layout.ssh_dir, log)
        endpoints = [(node.address, ssh["port"]) for node in topology.NODES]

        def listening():
            self.expect_alive(entry, log)
            return len(sockets.listening(endpoints)) == len(endpoints)

        _wait(listening, 10, "sshd", 0.05)
        self.save()
        self.step("sshd on port %d of every node address; ssh_config %s" % (ssh["port"],
                                                                           layout.ssh_config))

    # -- readiness -------------------------------------------------------------------------
    def wait_sessions(self):
        gobgp = Gobgp(self.state["upstream"]["api_port"])
        reported = set()

        def established():
            try:
                states = gobgp.neighbor_states()
            except LabError:
                return False
            for node in topology.NODES:
                if states.get(node.address) == "established" and node.name not in reported:
                    reported.add(node.name)
                    self.step("BGP session %-6s (%s) established" % (node.name, node.address))
            return len(reported) == len(topology.NODES)

        try:
            _wait(established, BGP_PATIENCE, "BGP sessions", 0.5)
        except LabError as error:
            missing = [node.name for node in topology.NODES if node.name not in reported]
            raise LabError("%s; not established: %s (see nodes/NODE/exabgp.log)" % (
                error, ", ".join(missing)))

    def wait_routes(self):
        gobgp = Gobgp(self.state["upstream"]["api_port"])
        expected = {prefix: {node.address for node in topology.NODES if prefix in node.prefixes}
                    for prefix in topology.all_prefixes()}
        reported = set()

        def complete():
            try:
                paths = gobgp.rib()
            except LabError:
                return False
            for prefix, wanted in expected.items():
                have = {path["neighbor"] for path in paths if path["prefix"] == prefix}
                if wanted <= have and prefix not in reported:
                    reported.add(prefix)
                    self.step("route %-15s in the upstream's RIB from %d nodes" % (prefix,
                                                                                  len(wanted)))
            return len(reported) == len(expected)

        try:
            _wait(complete, ROUTE_PATIENCE, "routes in the RIB", 0.5)
        except LabError as error:
            raise LabError("%s; missing: %s (scripts/lab rib --dir %s shows why)" % (
                error, ", ".join(p for p in expected if p not in reported), self.layout.root))

    def check_ssh(self):
        # In parallel: each check is a whole SSH handshake, about a second on a busy machine.
        with concurrent.futures.ThreadPoolExecutor(len(topology.NODES)) as pool:
            replies = list(pool.map(lambda node: labssh.ssh_hello(self.layout, node), topology.NODES))
        for node, reply in zip(topology.NODES, replies):
            self.step("ssh %-6s -> its api.sock through the lab sshd: hello from %s (%s)" % (
                node.name, reply.get("node"), ", ".join(reply.get("rights", []))))

    def run(self):
        environment.check_programs(self.bin)
        self.prepare_folder()
        self.say("lab: starting 3 regions x 2 nodes in %s" % self.layout.root)
        self.start_services()
        self.write_agent_configs()
        self.start_upstream()
        self.start_agents()
        self.start_speakers()
        self.start_sshd()
        self.wait_sessions()
        self.wait_routes()
        self.check_ssh()
        self.step("lab ready")

    def step_time(self):
        return time.monotonic() - self.started


def up(root, bin_given, say):
    layout = LabLayout(root)
    launcher = Launcher(layout, environment.bin_dir(bin_given), say)
    previous = {signum: signal.signal(signum, _on_terminate)
                for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        launcher.run()
        return launcher
    except BaseException as error:
        interrupted = isinstance(error, (KeyboardInterrupt, Interrupted))
        say("lab: interrupted" if interrupted else "lab: %s" % error)
        if launcher.state is not None:
            say("lab: stopping what was started")
            for problem in teardown.stop_lab(layout, launcher.state, say):
                say("lab: %s" % problem)
        raise
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
