"""What the lab is made of: regions, nodes, addresses and prefixes. Pure data."""

from dataclasses import dataclass

UPSTREAM_ADDRESS = "127.0.0.1"
UPSTREAM_AS = 65000
NODE_AS = 65001
# Every node announces the shared prefix; each region adds its own. Documentation space
# (RFC 5737), so nothing the lab announces could ever be a real route.
SHARED_PREFIX = "192.0.2.1/32"
SERVICE_NAME = "web"


@dataclass(frozen=True)
class Region:
    name: str
    prefix: str


@dataclass(frozen=True)
class Node:
    name: str
    region: str
    city: str
    latitude: float
    longitude: float
    address: str
    # GoBGP takes a loopback next-hop as invalid (the update counts as a withdraw).
    next_hop: str

    @property
    def prefixes(self):
        return [SHARED_PREFIX, region_named(self.region).prefix]


REGIONS = (
    Region("eu-central", "203.0.113.1/32"),
    Region("us-east", "203.0.113.2/32"),
    Region("ap-southeast", "203.0.113.3/32"),
)

NODES = (
    Node("fra-1", "eu-central", "Frankfurt", 50.11, 8.68, "127.0.0.11", "198.51.100.11"),
    Node("ams-1", "eu-central", "Amsterdam", 52.37, 4.90, "127.0.0.12", "198.51.100.12"),
    Node("iad-1", "us-east", "Ashburn, Virginia", 39.04, -77.49, "127.0.0.21", "198.51.100.21"),
    Node("jfk-1", "us-east", "New York", 40.71, -74.01, "127.0.0.22", "198.51.100.22"),
    Node("sin-1", "ap-southeast", "Singapore", 1.35, 103.82, "127.0.0.31", "198.51.100.31"),
    Node("syd-1", "ap-southeast", "Sydney", -33.87, 151.21, "127.0.0.32", "198.51.100.32"),
)


def region_named(name):
    for region in REGIONS:
        if region.name == name:
            return region
    raise KeyError(name)


def node_named(name):
    """The node called `name`, or None: callers turn None into a usage error."""
    for node in NODES:
        if node.name == name:
            return node
    return None


def node_at(address):
    for node in NODES:
        if node.address == address:
            return node
    return None


def all_prefixes():
    return [SHARED_PREFIX] + [region.prefix for region in REGIONS]
