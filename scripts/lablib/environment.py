"""Who runs the lab, and where the programs it starts are."""

import grp
import os
import pwd
import shutil

from .clients import LabError

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_BIN = os.path.join(REPOSITORY, "build", "dev", "bin")
SSHD = "/usr/sbin/sshd"
SYSTEM_TOOLS = ("gobgpd", "gobgp", "exabgp", "ssh", "ssh-keygen")
LAB_BINARIES = ("anycast-agent", "anycast-exabgp-bridge", "anycast-lab-service", "anycastctl")


def user_name():
    return pwd.getpwuid(os.geteuid()).pw_name


def group_name():
    return grp.getgrgid(os.getegid()).gr_name


def default_dir():
    return os.environ.get("ANYCAST_LAB_DIR") or "/tmp/anycast-lab-%s" % user_name()


def bin_dir(given):
    return os.path.abspath(given or os.environ.get("ANYCAST_BIN_DIR") or DEFAULT_BIN)


def binary(bin_path, name):
    return os.path.join(bin_path, name)


def check_programs(bin_path):
    """LabError naming every program that is missing, with the command that brings it."""
    missing = [tool for tool in SYSTEM_TOOLS if shutil.which(tool) is None]
    if not os.access(SSHD, os.X_OK):
        missing.append(SSHD)
    if missing:
        raise LabError("missing: %s (scripts/install-deps installs them)" % ", ".join(missing))
    unbuilt = [name for name in LAB_BINARIES if not os.access(binary(bin_path, name), os.X_OK)]
    if unbuilt:
        raise LabError("not built in %s: %s (cmake --preset dev && cmake --build --preset dev)"
                       % (bin_path, ", ".join(unbuilt)))
