"""Talking to the lab's parts: an agent's /status and API socket, a lab service's control
socket, and GoBGP through its `gobgp` command-line client."""

import json
import socket
import subprocess
import urllib.request

MAX_REPLY = 16 * 1024 * 1024


class LabError(Exception):
    """A failure to report in one line, without a traceback."""


def http_status(address, port, timeout=2.0):
    """The agent's GET /status as a dict, or None when it does not answer."""
    try:
        with urllib.request.urlopen("http://%s:%d/status" % (address, port),
                                    timeout=timeout) as reply:
            return json.loads(reply.read(MAX_REPLY))
    except (OSError, ValueError):
        return None


def _read_line(sock, timeout):
    sock.settimeout(timeout)
    data = b""
    while not data.endswith(b"\n"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
        if len(data) > MAX_REPLY:
            raise LabError("reply longer than %d bytes" % MAX_REPLY)
    return data.decode()


def api_call(socket_path, method, params=None, timeout=5.0):
    """One JSON-RPC request on an agent's API socket; its `result`, or LabError."""
    request = {"jsonrpc": "2.0", "id": 1, "method": method, "params": params or {}}
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(socket_path)
            sock.sendall(json.dumps(request).encode() + b"\n")
            reply = json.loads(_read_line(sock, timeout))
    except (OSError, ValueError) as error:
        raise LabError("%s on %s: %s" % (method, socket_path, error)) from None
    if "result" not in reply:
        raise LabError("%s on %s: %s" % (method, socket_path,
                                          reply.get("error", {}).get("message", reply)))
    return reply["result"]


def service_command(control_path, command, timeout=5.0):
    """One line to anycast-lab-service's control socket; its answer line ('ok ...' or
    'error ...')."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(control_path)
            sock.sendall(command.encode() + b"\n")
            return _read_line(sock, timeout).strip()
    except OSError as error:
        raise LabError("lab service control %s: %s" % (control_path, error)) from None


def service_stats(control_path):
    """`stats` as a dict of ints: accepted, active, paused, listening, delay, status."""
    answer = service_command(control_path, "stats")
    if not answer.startswith("ok "):
        raise LabError("lab service stats: %s" % answer)
    stats = {}
    for word in answer[3:].split():
        key, _, value = word.partition("=")
        if value.isdigit():
            stats[key] = int(value)
    return stats


class Gobgp:
    """The upstream's gobgpd, through its gRPC API on 127.0.0.1:api_port."""

    def __init__(self, api_port):
        self.api_port = api_port

    def _json(self, *arguments, timeout=5.0):
        argv = ["gobgp", "-u", "127.0.0.1", "-p", str(self.api_port), "-j"] + list(arguments)
        try:
            done = subprocess.run(argv, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise LabError("gobgp %s: no answer in %g s" % (" ".join(arguments), timeout))
        if done.returncode != 0:
            raise LabError("gobgp %s: %s" % (" ".join(arguments),
                                              done.stderr.decode().strip() or done.returncode))
        text = done.stdout.decode().strip()
        try:
            return json.loads(text) if text else None
        except ValueError:
            raise LabError("gobgp %s: not JSON: %.200s" % (" ".join(arguments), text))

    def neighbor_states(self):
        states = {}
        for neighbor in self._json("neighbor") or []:
            state = neighbor.get("state", {})
            address = state.get("neighbor_address") or \
                neighbor.get("conf", {}).get("neighbor_address", "")
            states[address] = session_state_name(state.get("session_state"))
        return states

    def rib(self):
        return parse_rib(self._json("global", "rib") or {})


_SESSION_STATES = ["unknown", "idle", "connect", "active", "opensent", "openconfirm",
                   "established"]


def session_state_name(value):
    if isinstance(value, str):
        return value.lower().replace("session_state_", "")
    if isinstance(value, int) and 0 <= value < len(_SESSION_STATES):
        return _SESSION_STATES[value]
    return "unknown"


# BGP path attribute type codes (RFC 4271, RFC 1997).
_AS_PATH, _NEXT_HOP, _MED, _COMMUNITIES = 2, 3, 4, 8


def parse_rib(table):
    """gobgp -j global rib -> [{prefix, neighbor, best, as_path, next_hop, med, communities}]"""
    paths = []
    for prefix, entries in table.items():
        for entry in entries:
            path = {"prefix": prefix, "neighbor": entry.get("neighbor-ip", ""),
                    "best": bool(entry.get("best")), "as_path": [], "next_hop": "",
                    "med": None, "communities": []}
            for attribute in entry.get("attrs", []):
                kind = attribute.get("type")
                if kind == _AS_PATH:
                    for segment in attribute.get("as_paths", []):
                        path["as_path"] += [int(asn) for asn in segment.get("asns", [])]
                elif kind == _NEXT_HOP:
                    path["next_hop"] = attribute.get("nexthop", "")
                elif kind == _MED:
                    path["med"] = int(attribute.get("metric", 0))
                elif kind == _COMMUNITIES:
                    path["communities"] = ["%d:%d" % (value >> 16, value & 0xFFFF)
                                           for value in attribute.get("communities", [])]
            paths.append(path)
    return paths
