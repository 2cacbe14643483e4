"""The upstream's RIB beside what each agent reports, prefix by prefix and node by node.
Pure: takes GoBGP's paths (clients.parse_rib) and each node's status (None when the agent
did not answer) and returns rows with a verdict each."""

from . import topology

AGREE = "agree"
CONVERGING = "converging"  # the agent has not had ExaBGP's ack for its latest command yet
DISAGREE = "DISAGREE"
NO_STATUS = "no status"


def _routes_of(status):
    routes = {}
    for service in status.get("services", []):
        for route in service.get("routes", []):
            routes[route.get("prefix")] = route
    return routes


def _converged(status, prefix):
    for entry in status.get("bgp", {}).get("prefixes", []):
        if entry.get("prefix") == prefix:
            return bool(entry.get("converged"))
    return False


def expected_as_path(route):
    return [topology.NODE_AS] * (int(route.get("as_path_prepend", 0)) + 1)


def _attribute_differences(node, route, path):
    differences = []
    if path["med"] != route.get("med"):
        differences.append("MED %s in the RIB, %s in status" % (path["med"], route.get("med")))
    if sorted(path["communities"]) != sorted(route.get("communities", [])):
        differences.append("communities %s in the RIB, %s in status"
                           % (path["communities"], route.get("communities", [])))
    if path["as_path"] != expected_as_path(route):
        differences.append("AS path %s in the RIB, %s in status"
                           % (path["as_path"], expected_as_path(route)))
    if path["next_hop"] != node.next_hop:
        differences.append("next-hop %s, expected %s" % (path["next_hop"], node.next_hop))
    return differences


def _verdict(node, route, path, converged):
    announced = route.get("state") != "withdrawn"
    if announced and path is None:
        problem = "the agent announces, the RIB has no path from %s" % node.address
    elif not announced and path is not None:
        problem = "the agent has withdrawn, the RIB still has a path"
    elif announced:
        problem = "; ".join(_attribute_differences(node, route, path))
    else:
        problem = ""
    if not problem:
        return AGREE, ""
    return (CONVERGING if not converged else DISAGREE), problem


def compare(paths, statuses, nodes=topology.NODES):
    """Rows {prefix, node, region, state, reason, rib, verdict, detail}, sorted by prefix
    and node; a RIB path that no agent claims is a DISAGREE row of its own."""
    by_neighbor = {(path["neighbor"], path["prefix"]): path for path in paths}
    claimed = set()
    rows = []
    for node in nodes:
        status = statuses.get(node.name)
        if status is None:
            for prefix in node.prefixes:
                path = by_neighbor.get((node.address, prefix))
                claimed.add((node.address, prefix))
                rows.append({"prefix": prefix, "node": node.name, "region": node.region,
                             "state": None, "reason": "", "rib": path, "verdict": NO_STATUS,
                             "detail": "the agent did not answer"})
            continue
        for prefix, route in _routes_of(status).items():
            path = by_neighbor.get((node.address, prefix))
            claimed.add((node.address, prefix))
            verdict, detail = _verdict(node, route, path, _converged(status, prefix))
            rows.append({"prefix": prefix, "node": node.name, "region": node.region,
                         "state": route.get("state"), "reason": route.get("reason", ""),
                         "rib": path, "verdict": verdict, "detail": detail})
    for path in paths:
        if (path["neighbor"], path["prefix"]) not in claimed:
            owner = topology.node_at(path["neighbor"])
            rows.append({"prefix": path["prefix"], "node": owner.name if owner else "?",
                         "region": owner.region if owner else "?", "state": None,
                         "reason": "", "rib": path, "verdict": DISAGREE,
                         "detail": "a path from %s that no agent reports" % path["neighbor"]})
    prefix_order = {prefix: index for index, prefix in enumerate(topology.all_prefixes())}
    node_order = {node.name: index for index, node in enumerate(nodes)}
    rows.sort(key=lambda row: (prefix_order.get(row["prefix"], 99), row["prefix"],
                               node_order.get(row["node"], 99)))
    return rows


def disagreements(rows):
    return [row for row in rows if row["verdict"] in (DISAGREE, NO_STATUS)]


def describe_path(path):
    if path is None:
        return "-"
    text = "med %s as-path [%s]" % (path["med"], " ".join(map(str, path["as_path"])))
    if path["communities"]:
        text += " community [%s]" % " ".join(path["communities"])
    return text + (" best" if path["best"] else "")
