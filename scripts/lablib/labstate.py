"""lab.json: what one lab started (pids with start times, ports) and what it changed (tc),
so that `down` and the other commands find it, even from another shell."""

import json
import os

FORMAT = "anycast-lab 1"


def load(layout):
    """The state dict, or None when the folder holds no lab."""
    try:
        with open(layout.state_file) as file:
            state = json.load(file)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise ValueError("%s: unreadable lab state: %s" % (layout.state_file, error))
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise ValueError("%s: not a lab state file (format %r)"
                         % (layout.state_file, state.get("format") if isinstance(state, dict)
                            else None))
    return state


def save(layout, state):
    # Written whole and renamed into place: `down` from another shell never reads half a file.
    temporary = layout.state_file + ".tmp"
    with open(temporary, "w") as file:
        json.dump(state, file, indent=2)
        file.write("\n")
    os.replace(temporary, layout.state_file)


def new_state(root):
    return {"format": FORMAT, "dir": root, "running": True, "uid": os.geteuid(),
            "processes": [], "nodes": {}, "upstream": {}, "ssh": {}, "netem": {}}


def endpoints(state):
    """Every (address, port) the lab listens on."""
    found = []
    for node in state.get("nodes", {}).values():
        for key in ("http_port", "service_port"):
            if node.get(key):
                found.append((node["address"], node[key]))
        if state.get("ssh", {}).get("port"):
            found.append((node["address"], state["ssh"]["port"]))
    upstream = state.get("upstream", {})
    for key in ("bgp_port", "api_port"):
        if upstream.get(key):
            found.append(("127.0.0.1", upstream[key]))
    return found
