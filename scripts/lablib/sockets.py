"""Free ports, and who listens where, from the kernel's tables."""

import socket


def free_port(addresses):
    """A TCP port the kernel calls free on the first address that is also free on the others.
    The socket is closed again, so a very unlucky race is possible; `up` then fails with the
    program's own bind error and stops everything it started."""
    for _ in range(50):
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            probe.bind((addresses[0], 0))
            port = probe.getsockname()[1]
        finally:
            probe.close()
        if all(_can_bind(address, port) for address in addresses[1:]):
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
