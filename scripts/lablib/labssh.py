"""OpenSSH against the lab's own sshd, with only the lab's files: how `up` proves that
every agent's API socket is reachable the way the console reaches it."""

import os
import socket
import subprocess
import time

from .clients import LabError, api_call


def ssh_command(layout, node, *remote):
    """OpenSSH with only the lab's files: -F skips ~/.ssh/config and /etc/ssh/ssh_config, and
    no key from an ssh-agent is offered."""
    return ["ssh", "-F", layout.ssh_config, "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
            "-o", "IdentityAgent=none", "-o", "ControlMaster=no", "-o", "ConnectTimeout=5",
            *remote, node.name]


def _wait_until_listening(path, ssh, deadline):
    """OpenSSH binds the forwarded socket before it listens on it: a connect in between is
    refused. Waits for a connect that succeeds, while ssh runs and the deadline allows."""
    while True:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(path)
                return
            except ConnectionRefusedError:
                if ssh.poll() is not None or time.monotonic() >= deadline:
                    raise LabError("the forwarded socket %s refuses connections" % path) from None
        time.sleep(0.05)


def ssh_hello(layout, node, patience=15.0):
    """`hello` on the node's API socket through the lab sshd's direct-streamlocal channel
    (the console's own path), via a local socket forwarded by OpenSSH; its result, or
    LabError."""
    local = layout.ssh_file("forward-%s.sock" % node.name)
    if os.path.lexists(local):
        os.unlink(local)
    ssh = subprocess.Popen(ssh_command(layout, node, "-N", "-o", "ExitOnForwardFailure=yes",
                                       "-L", "%s:%s" % (local, layout.api_socket(node))),
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + patience
        while not os.path.exists(local) and ssh.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if not os.path.exists(local):
            raise LabError("no forwarding")
        _wait_until_listening(local, ssh, deadline)
        return api_call(local, "hello", {"client": "scripts/lab"}, timeout=patience)
    except LabError as error:
        ssh.kill()
        _, errors = ssh.communicate()
        raise LabError("ssh to %s's API socket failed: %s" % (
            node.name, errors.decode().strip() or error)) from None
    finally:
        if ssh.poll() is None:
            ssh.kill()
            ssh.communicate()
        if os.path.lexists(local):
            os.unlink(local)
