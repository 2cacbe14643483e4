"""The RIB-against-status comparison of `scripts/lab rib`, on hand-made RIBs and statuses."""

import unittest

from lablib import ribcheck, topology

FRA, AMS = topology.node_named("fra-1"), topology.node_named("ams-1")
REGIONAL = "203.0.113.1/32"


def path(node, prefix, med=100, communities=("65001:100",), as_path=(65001,), hop=None):
    return {"prefix": prefix, "neighbor": node.address, "best": False, "med": med,
            "communities": list(communities), "as_path": list(as_path),
            "next_hop": hop or node.next_hop}


def status(routes, converged=True):
    return {"services": [{"name": "web", "routes": routes}],
            "bgp": {"prefixes": [{"prefix": r["prefix"], "converged": converged}
                                 for r in routes]}}


def announced(prefix, med=100, communities=("65001:100",), prepend=0, state="announced"):
    return {"prefix": prefix, "state": state, "reason": "healthy", "med": med,
            "communities": list(communities), "as_path_prepend": prepend}


def withdrawn(prefix):
    return {"prefix": prefix, "state": "withdrawn", "reason": "down: no listener"}


def verdicts(rows):
    return {(row["prefix"], row["node"]): row["verdict"] for row in rows}


class CompareTest(unittest.TestCase):
    def test_matching_paths_and_withdrawals_agree(self):
        rows = ribcheck.compare(
            [path(AMS, topology.SHARED_PREFIX), path(AMS, REGIONAL)],
            {"fra-1": status([withdrawn(topology.SHARED_PREFIX), withdrawn(REGIONAL)]),
             "ams-1": status([announced(topology.SHARED_PREFIX), announced(REGIONAL)])},
            nodes=(FRA, AMS))
        self.assertEqual(set(verdicts(rows).values()), {ribcheck.AGREE})
        self.assertEqual(len(rows), 4)
        self.assertEqual(ribcheck.disagreements(rows), [])

    def test_a_path_the_agent_has_withdrawn_disagrees_once_converged(self):
        paths = [path(FRA, REGIONAL)]
        converged = ribcheck.compare(paths, {"fra-1": status([withdrawn(REGIONAL)])},
                                     nodes=(FRA,))
        self.assertEqual(verdicts(converged)[(REGIONAL, "fra-1")], ribcheck.DISAGREE)
        pending = ribcheck.compare(paths, {"fra-1": status([withdrawn(REGIONAL)], False)},
                                   nodes=(FRA,))
        self.assertEqual(verdicts(pending)[(REGIONAL, "fra-1")], ribcheck.CONVERGING)
        self.assertEqual(ribcheck.disagreements(pending), [])

    def test_an_announcement_missing_from_the_rib_disagrees(self):
        rows = ribcheck.compare([], {"fra-1": status([announced(REGIONAL)])}, nodes=(FRA,))
        self.assertEqual(verdicts(rows)[(REGIONAL, "fra-1")], ribcheck.DISAGREE)
        self.assertIn("no path", rows[0]["detail"])

    def test_attributes_are_compared(self):
        draining = announced(REGIONAL, communities=("65001:100", "65535:0"), prepend=3,
                             state="draining")
        good = path(FRA, REGIONAL, communities=("65535:0", "65001:100"),
                    as_path=(65001,) * 4)
        rows = ribcheck.compare([good], {"fra-1": status([draining])}, nodes=(FRA,))
        self.assertEqual(verdicts(rows)[(REGIONAL, "fra-1")], ribcheck.AGREE)
        for wrong, word in ((path(FRA, REGIONAL, med=50, communities=good["communities"],
                                  as_path=good["as_path"]), "MED"),
                            (path(FRA, REGIONAL, as_path=good["as_path"]), "communities"),
                            (path(FRA, REGIONAL, communities=good["communities"]), "AS path"),
                            (path(FRA, REGIONAL, communities=good["communities"],
                                  as_path=good["as_path"], hop="198.51.100.99"), "next-hop")):
            rows = ribcheck.compare([wrong], {"fra-1": status([draining])}, nodes=(FRA,))
            self.assertEqual(rows[0]["verdict"], ribcheck.DISAGREE, word)
            self.assertIn(word, rows[0]["detail"])

    def test_a_silent_agent_and_a_stranger_path_are_reported(self):
        stranger = dict(path(FRA, REGIONAL), neighbor="127.0.0.99")
        rows = ribcheck.compare([path(FRA, REGIONAL), stranger], {"fra-1": None}, nodes=(FRA,))
        found = {(row["node"], row["verdict"]) for row in rows}
        self.assertIn(("fra-1", ribcheck.NO_STATUS), found)
        self.assertIn(("?", ribcheck.DISAGREE), found)
        self.assertEqual(len(ribcheck.disagreements(rows)), len(rows))


if __name__ == "__main__":
    unittest.main()
