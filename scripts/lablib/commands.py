"""`scripts/lab` commands that act on a running lab: down, list, fault, drain, undrain, rib."""

import json
import os
import shlex
import subprocess

from . import environment, faults, labstate, processes, ribcheck, teardown, topology
from .clients import Gobgp, LabError, http_status, service_stats
from .layout import LabLayout

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_LAB, EXIT_NOT_ROOT = 0, 1, 64, 69, 77


class NoLab(Exception):
    """No running lab in the folder: exit code 69."""


def running_state(layout):
    try:
        state = labstate.load(layout)
    except ValueError as error:
        raise NoLab(str(error))
    if state is None or not state.get("running"):
        raise NoLab("no lab is running in %s (scripts/lab up --dir %s starts one)"
                    % (layout.root, layout.root))
    return state


def lab_node(name):
    node = topology.node_named(name)
    if node is None:
        raise faults.UsageError("no lab node %r; the nodes are %s" % (
            name, ", ".join(node.name for node in topology.NODES)))
    return node


def down(root, say):
    layout = LabLayout(root)
    try:
        state = labstate.load(layout)
    except ValueError as error:
        say("lab: %s; stopping only what points into the folder" % error)
        state = None
    if state is None and not os.path.isdir(layout.root):
        say("lab: nothing in %s" % layout.root)
        return EXIT_OK
    problems = teardown.stop_lab(layout, state, say)
    for problem in problems:
        say("lab: %s" % problem)
    if problems:
        return EXIT_FAILED
    say("lab: stopped; nothing of it runs or listens (logs and configs stay in %s)"
        % layout.root)
    return EXIT_OK


def _faults_of(state, node):
    try:
        stats = service_stats(state["nodes"][node.name]["control_socket"])
    except LabError:
        return ["lab service not answering"]
    found = []
    if stats.get("listening") == 0:
        found.append("listener closed")
    if stats.get("paused") == 1:
        found.append("accept paused")
    if stats.get("delay"):
        found.append("delay %d ms" % stats["delay"])
    if stats.get("status", 200) != 200:
        found.append("HTTP %d" % stats["status"])
    netem = state.get("netem", {}).get("nodes", {}).get(node.name)
    if netem:
        found.append("netem " + netem)
    return found


def _agent_alive(state, node):
    pid = state["nodes"][node.name].get("agent_pid")
    entries = [entry for entry in state.get("processes", []) if entry["pid"] == pid]
    return pid if entries and processes.is_alive(entries[0]) else None


def gather(state):
    """Per node: its lab facts, the agent's /status (or None) and its faults."""
    rows = []
    for node in topology.NODES:
        mine = state["nodes"][node.name]
        status = http_status(node.address, mine["http_port"])
        services = []
        for service in (status or {}).get("services", []):
            services.append({"name": service.get("name"), "health": service.get("health"),
                             "operator_state": service.get("operator_state"),
                             "established": service.get("established"),
                             "routes": {route.get("prefix"): route.get("state")
                                        for route in service.get("routes", [])}})
        rows.append({"node": node.name, "region": node.region, "city": node.city,
                     "location": [node.latitude, node.longitude], "address": node.address,
                     "http_port": mine["http_port"], "service_port": mine["service_port"],
                     "api_socket": mine["api_socket"], "agent_pid": _agent_alive(state, node),
                     "status": status is not None, "services": services,
                     "faults": _faults_of(state, node)})
    return rows


def list_nodes(root, as_json, say):
    state = running_state(LabLayout(root))
    rows = gather(state)
    if as_json:
        say(json.dumps({"dir": state["dir"], "ssh_port": state["ssh"].get("port"),
                        "nodes": rows}, indent=2))
        return EXIT_OK
    say("%-6s %-13s %-18s %-11s %-6s %-7s %-8s %-22s %s" % (
        "NODE", "REGION", "LOCATION", "ADDRESS", "HTTP", "SERVICE", "AGENT", "HEALTH",
        "FAULTS"))
    for row in rows:
        health = ", ".join("%s %s%s" % (s["name"], s["health"],
                                        "" if s["operator_state"] == "active"
                                        else " (%s)" % s["operator_state"])
                           for s in row["services"]) or "no /status"
        say("%-6s %-13s %-18s %-11s %-6d %-7d %-8s %-22s %s" % (
            row["node"], row["region"], row["city"][:18], row["address"], row["http_port"],
            row["service_port"], row["agent_pid"] or "down", health,
            ", ".join(row["faults"]) or "-"))
    say("api sockets: %s/nodes/NODE/api.sock; ssh: ssh -F %s NODE (port %s)"
        % (state["dir"], LabLayout(root).ssh_config, state["ssh"].get("port")))
    return EXIT_OK


def fault(root, node_name, kind, arguments, say):
    node = lab_node(node_name)
    kind, values = faults.parse(kind, arguments)
    layout = LabLayout(root)
    state = running_state(layout)
    control = state["nodes"][node.name]["control_socket"]
    if kind in faults.SERVICE_FAULTS:
        say("%s: %s" % (node.name, faults.service_fault(control, kind, values)))
    elif kind in faults.NETWORK_FAULTS:
        try:
            say("%s: %s" % (node.name, faults.apply_netem(state, node, kind, values)))
        finally:
            labstate.save(layout, state)
    else:
        sent = faults.restore_service(control)
        say("%s: service %s" % (node.name, ", ".join(sent) if sent else "had no fault"))
        if state.get("netem", {}).get("nodes", {}).get(node.name):
            try:
                say("%s: %s" % (node.name, faults.clear_netem(state, node)))
            finally:
                labstate.save(layout, state)
    return EXIT_OK


def operator_action(root, action, node_name, options, bin_given, say):
    """drain/undrain through the built anycastctl on the node's API socket; its exit code."""
    node = lab_node(node_name)
    state = running_state(LabLayout(root))
    # The anycastctl built beside the agents this lab started, unless told otherwise.
    bin_path = environment.bin_dir(bin_given or state.get("bin"))
    argv = [environment.binary(bin_path, "anycastctl"), "--socket",
            state["nodes"][node.name]["api_socket"], action] + options
    say("$ %s" % shlex.join(argv))
    return subprocess.run(argv, check=False).returncode


def rib(root, as_json, say):
    state = running_state(LabLayout(root))
    gobgp = Gobgp(state["upstream"]["api_port"])
    sessions = gobgp.neighbor_states()
    paths = gobgp.rib()
    statuses = {node.name: http_status(node.address, state["nodes"][node.name]["http_port"])
                for node in topology.NODES}
    rows = ribcheck.compare(paths, statuses)
    bad = ribcheck.disagreements(rows)
    if as_json:
        say(json.dumps({"sessions": sessions, "rows": rows, "disagreements": len(bad)},
                       indent=2))
        return EXIT_FAILED if bad else EXIT_OK
    established = sum(1 for state_name in sessions.values() if state_name == "established")
    say("upstream AS %d on 127.0.0.1:%d: %d of %d BGP sessions established" % (
        topology.UPSTREAM_AS, state["upstream"]["bgp_port"], established, len(sessions)))
    current = None
    for row in rows:
        if row["prefix"] != current:
            current = row["prefix"]
            announcing = sum(1 for r in rows if r["prefix"] == current and r["rib"])
            say("\n%s  (%d paths in the RIB)" % (current, announcing))
            say("  %-6s %-13s %-11s %-55s %s" % ("NODE", "REGION", "AGENT", "RIB", "VERDICT"))
        say("  %-6s %-13s %-11s %-55s %s%s" % (
            row["node"], row["region"], row["state"] or "?", ribcheck.describe_path(row["rib"]),
            row["verdict"], ": " + row["detail"] if row["detail"] else ""))
        if row["state"] not in (None, "announced") and row["reason"]:
            say("  %-6s %-13s   reason: %s" % ("", "", row["reason"]))
    say("\n%s" % ("every prefix agrees node by node" if not bad
                   else "%d disagreement(s) marked DISAGREE or 'no status'" % len(bad)))
    return EXIT_FAILED if bad else EXIT_OK
