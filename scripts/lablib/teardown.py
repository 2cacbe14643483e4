"""Stopping a lab: every process it recorded and anything else still pointing into its
folder, its tc changes undone, its sockets removed, and a check that nothing is left."""

import glob
import os
import time

from . import faults, labstate, processes, sockets
from .clients import LabError


def _described(pids):
    return ", ".join("%d (%s)" % (pid, processes.command_line(pid)[:60]) for pid in pids)


def stop_lab(layout, state, say):
    """Stops everything; returns a list of problems (empty when the lab is fully gone)."""
    problems = []
    if state and state.get("netem", {}).get("root"):
        try:
            faults.remove_root(state)
            say("removed the lab's tc qdisc from %s" % faults.DEVICE)
        except (LabError, PermissionError) as error:
            problems.append("tc: %s" % error)
    recorded = list(reversed(state.get("processes", []))) if state else []
    alive = [entry for entry in recorded if processes.is_alive(entry)]
    if alive:
        say("stopping %d processes: %s" % (len(alive), ", ".join(e["name"] for e in alive)))
    left = processes.stop(alive)
    # Only the lab's kind of program is stopped; a shell or an editor in the folder is not.
    pointing = processes.processes_pointing_into(layout.root)
    strays = [pid for pid in pointing if processes.is_lab_program(pid)]
    if strays:
        say("stopping %d more processes still pointing into %s: %s" % (
            len(strays), layout.root, _described(strays)))
        left += processes.stop_pids(strays)
    others = [pid for pid in pointing if pid not in strays]
    if others:
        say("left alone, not the lab's but using its folder: %s" % _described(others))
    for entry in left:
        problems.append("process %d (%s) did not stop" % (entry["pid"], entry["command"]))
    for path in glob.glob(os.path.join(layout.root, "**", "*.sock"), recursive=True):
        try:
            os.unlink(path)
        except OSError as error:
            problems.append("cannot remove %s: %s" % (path, error))
    if state:
        endpoints = labstate.endpoints(state)
        deadline = time.monotonic() + 3.0
        while sockets.listening(endpoints) and time.monotonic() < deadline:
            time.sleep(0.1)
        for address, port in sockets.listening(endpoints):
            problems.append("something still listens on %s:%d" % (address, port))
        state["running"] = False
        if os.path.isdir(layout.root):
            labstate.save(layout, state)
    return problems
