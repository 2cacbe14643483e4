"""Free ports, and who listens where, from the kernel's tables."""

import random
import socket

# Ports already handed out by this process: a daemon may not have bound its port yet when the
# next one is chosen.
_handed_out = set()
_LOWEST_PORT = 10000


def _ephemeral_range_start():
    """The first port the kernel hands to a bind to port 0 or an outgoing connection."""
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as file:
            return int(file.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port(addresses, rng=random):
    """A TCP port free on every one of `addresses`, chosen below the kernel's ephemeral range,
    so no bind to port 0 and no outgoing connection can take it before the lab's daemon binds
    it (picking with port 0 and closing lost that race in the C++ harnesses). Never the same
    port twice in one run of the lab."""
    highest = _ephemeral_range_start() - 1
    if highest <= _LOWEST_PORT:
        raise RuntimeError("the ephemeral port range (net.ipv4.ip_local_port_range) starts at "
                           "%d: no room below it for the lab's ports" % (highest + 1))
    for _ in range(200):
        port = rng.randint(_LOWEST_PORT, highest)
        if port in _handed_out:
            continue
        if all(_can_bind(address, port) for address in addresses):
            _handed_out.add(port)
            return port
    raise RuntimeError("no TCP port free on all of %s" % ", ".join(addresses))


def _can_bind(address, port):
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind((address, port))
        return True
    except OSError:
        return False
    finally:
        probe.close()


def _hex_address(address, port):
    packed = socket.inet_aton(address)
    return "%08X:%04X" % (int.from_bytes(packed, "little"), port)


def listening(endpoints):
    """Those of the (address, port) pairs that have a TCP socket in LISTEN, also counting
    sockets bound to 0.0.0.0 on that port."""
    try:
        with open("/proc/net/tcp") as table:
            rows = [line.split() for line in table.readlines()[1:]]
    except OSError:
        return []
    listeners = {row[1] for row in rows if len(row) > 3 and row[3] == "0A"}
    return [(address, port) for address, port in endpoints
            if _hex_address(address, port) in listeners
            or _hex_address("0.0.0.0", port) in listeners]


def can_connect(address, port, timeout=0.5):
    try:
        with socket.create_connection((address, port), timeout=timeout):
            return True
    except OSError:
        return False
