"""Faults on one lab node: the lab service's own (control socket) and, as root, packet delay
or loss on that node's traffic only (tc netem behind a u32 filter on its address).

The loopback device is shared with every other program on the machine, so netem never goes
on all of lo: a prio qdisc keeps the default three bands for all other traffic and gives
each faulted node a band of its own, reached only by packets from or to its address."""

import os
import subprocess

from . import topology
from .clients import LabError, service_command, service_stats

SERVICE_FAULTS = {
    "close-listener": "close the listening socket: connections are refused",
    "reopen-listener": "listen again on the same port",
    "pause-accept": "stop accepting: the kernel's accept queue fills",
    "resume-accept": "accept again",
    "delay": "MS: answer each request MS milliseconds late",
    "status": "CODE: answer with HTTP CODE (200-599); status 200 restores",
}
NETWORK_FAULTS = {
    "net-delay": "MS [JITTER_MS]: delay every packet from or to the node (root, tc netem)",
    "net-loss": "PERCENT: drop that share of the node's packets (root, tc netem)",
}
CLEAR = {"clear": "undo every fault on the node (service and network)"}
ALL_KINDS = {**SERVICE_FAULTS, **NETWORK_FAULTS, **CLEAR}

DEVICE = "lo"
ROOT_HANDLE = "a1:"
DEFAULT_BANDS = 3
# The kernel's default priomap: with more bands, ordinary traffic still uses bands 0-2.
PRIOMAP = "1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1"


class UsageError(Exception):
    """Bad NODE, KIND or argument: exit code 64, nothing was changed."""


def _integer(text, low, high, what):
    if not text.isdigit() or not low <= int(text) <= high:
        raise UsageError("%s must be a whole number from %d to %d, not %r"
                         % (what, low, high, text))
    return int(text)


def _percent(text):
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 < value <= 100.0 or text.strip() != text:
        raise UsageError("PERCENT must be a number above 0 and at most 100, not %r" % text)
    return value


def parse(kind, arguments):
    """(kind, validated arguments) or UsageError. Nothing here touches the lab."""
    expected = {"delay": 1, "status": 1, "net-loss": 1}
    if kind not in ALL_KINDS:
        raise UsageError("unknown fault %r; one of: %s" % (kind, ", ".join(ALL_KINDS)))
    if kind == "net-delay":
        if len(arguments) not in (1, 2):
            raise UsageError("net-delay takes MS and an optional JITTER_MS")
        values = [_integer(text, 1, 10000, "MS") for text in arguments]
        return kind, values
    if len(arguments) != expected.get(kind, 0):
        raise UsageError("%s takes %s" % (kind, "no argument" if kind not in expected
                                          else "one argument: " + ALL_KINDS[kind]))
    if kind == "delay":
        return kind, [_integer(arguments[0], 0, 600000, "MS")]
    if kind == "status":
        return kind, [_integer(arguments[0], 200, 599, "CODE")]
    if kind == "net-loss":
        return kind, [_percent(arguments[0])]
    return kind, []


def service_fault(control_path, kind, values):
    command = " ".join([kind] + [str(value) for value in values])
    answer = service_command(control_path, command)
    if not answer.startswith("ok"):
        raise LabError("the lab service answered: %s" % answer)
    return answer


def restore_service(control_path):
    """Sends only what is needed to undo each service fault; returns what it sent."""
    stats = service_stats(control_path)
    sent = []
    for needed, command in ((stats.get("listening") == 0, "reopen-listener"),
                            (stats.get("paused") == 1, "resume-accept"),
                            (stats.get("delay", 0) != 0, "delay 0"),
                            (stats.get("status", 200) != 200, "status 200")):
        if needed:
            answer = service_command(control_path, command)
            if not answer.startswith("ok"):
                raise LabError("the lab service answered %r to %r" % (answer, command))
            sent.append(command)
    return sent


def _tc(*arguments, check=True):
    done = subprocess.run(["tc"] + list(arguments), capture_output=True, text=True,
                          check=False)
    if check and done.returncode != 0:
        raise LabError("tc %s: %s" % (" ".join(arguments), done.stderr.strip()))
    return done


def _band(node):
    return DEFAULT_BANDS + 1 + topology.NODES.index(node)


def _filter_priority(node):
    return str(10 + topology.NODES.index(node))


def root_qdisc():
    for line in _tc("qdisc", "show", "dev", DEVICE).stdout.splitlines():
        if " root " in line + " ":
            return line.strip()
    return ""


def missing_qdiscs():
    """The qdisc kinds the lab needs that this kernel lacks, tried in a private network
    namespace so that nothing on the real lo changes (some VM kernels ship without them)."""
    missing = []
    for kind in (["prio"], ["netem", "delay", "1ms"]):
        done = subprocess.run(["unshare", "--net", "tc", "qdisc", "add", "dev", "lo", "root"]
                              + kind, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            missing.append(kind[0])
    return missing


def require_root():
    if os.geteuid() != 0:
        raise PermissionError("net-delay and net-loss change the loopback device's queueing "
                              "with tc and need root; the lab service's own faults (delay, "
                              "pause-accept, ...) work without it")


def apply_netem(state, node, kind, values):
    """Installs or changes the node's netem; `state["netem"]` records what the lab owns."""
    require_root()
    netem = state.setdefault("netem", {})
    if not netem.get("root"):
        missing = missing_qdiscs()
        if missing:
            raise LabError("this kernel has no %s qdisc (sch_%s), so net-delay and net-loss "
                           "cannot work here; the lab service's faults (delay, pause-accept, "
                           "...) still do" % (" or ".join(missing), missing[0]))
        current = root_qdisc()
        if not current.startswith("qdisc noqueue"):
            raise LabError("%s already has a root qdisc this lab did not install (%s); "
                           "not touching it" % (DEVICE, current or "unknown"))
        _tc("qdisc", "add", "dev", DEVICE, "root", "handle", ROOT_HANDLE, "prio", "bands",
            str(DEFAULT_BANDS + len(topology.NODES)), "priomap", *PRIOMAP.split())
        netem["root"] = ROOT_HANDLE
        netem["nodes"] = {}
    band = _band(node)
    parameters = (["delay", "%dms" % values[0]] + (["%dms" % values[1]] if len(values) > 1
                                                    else [])
                  if kind == "net-delay" else ["loss", "%g%%" % values[0]])
    _tc("qdisc", "replace", "dev", DEVICE, "parent", "%s%x" % (ROOT_HANDLE, band), "handle",
        "%x:" % (0xb0 + band), "netem", *parameters)
    if node.name not in netem["nodes"]:
        for direction in ("src", "dst"):
            _tc("filter", "add", "dev", DEVICE, "parent", ROOT_HANDLE, "protocol", "ip",
                "prio", _filter_priority(node), "u32", "match", "ip", direction,
                node.address + "/32", "flowid", "%s%x" % (ROOT_HANDLE, band))
    netem["nodes"][node.name] = " ".join(parameters)
    return "netem %s on traffic from and to %s" % (" ".join(parameters), node.address)


def clear_netem(state, node):
    """Removes the node's filters and netem, and the root qdisc with the last of them."""
    netem = state.get("netem", {})
    if node.name not in netem.get("nodes", {}):
        return None
    require_root()
    _tc("filter", "del", "dev", DEVICE, "parent", ROOT_HANDLE, "prio", _filter_priority(node),
        check=False)
    _tc("qdisc", "del", "dev", DEVICE, "parent", "%s%x" % (ROOT_HANDLE, _band(node)),
        check=False)
    del netem["nodes"][node.name]
    if not netem["nodes"]:
        remove_root(state)
    return "netem removed from %s" % node.address


def remove_root(state):
    netem = state.get("netem", {})
    if netem.get("root") and root_qdisc().startswith("qdisc prio %s" % ROOT_HANDLE):
        _tc("qdisc", "del", "dev", DEVICE, "root", check=False)
    state["netem"] = {}
