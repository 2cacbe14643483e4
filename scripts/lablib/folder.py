"""The lab's folder: created private, or a stopped lab's folder cleared for a new one;
anything else is refused rather than overwritten."""

import os
import shutil
import stat

from . import labstate, processes, topology
from .clients import LabError


def prepare(layout):
    root = layout.root
    if layout.unsafe_reason():
        raise LabError(layout.unsafe_reason())
    too_long = layout.too_long_socket_paths(topology.NODES)
    if too_long:
        raise LabError("socket paths longer than the kernel allows (%d bytes), e.g. %s; "
                       "choose a shorter --dir" % (len(too_long[0]), too_long[0]))
    if os.path.lexists(root):
        info = os.lstat(root)
        if not stat.S_ISDIR(info.st_mode):
            raise LabError("%s exists and is not a folder" % root)
        if info.st_uid != os.geteuid():
            raise LabError("%s belongs to uid %d, not to you" % (root, info.st_uid))
        if info.st_mode & 0o022:
            raise LabError("%s is writable by other users; use a private folder" % root)
        previous = labstate.load(layout)
        if previous is None and os.listdir(root):
            raise LabError("%s is not empty and holds no lab; choose another --dir" % root)
        if previous is not None:
            alive = [e for e in previous.get("processes", []) if processes.is_alive(e)]
            if alive:
                raise LabError("a lab is running in %s (%s, pid %d); `scripts/lab down "
                               "--dir %s` first" % (root, alive[0]["name"],
                                                    alive[0]["pid"], root))
            for entry in layout.generated_entries():
                path = os.path.join(root, entry)
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path)
                elif os.path.lexists(path):
                    os.unlink(path)
    else:
        os.makedirs(root, mode=0o700)
    for node in topology.NODES:
        os.makedirs(layout.state_dir(node), mode=0o700)
    os.makedirs(layout.upstream_dir, mode=0o700)
    os.makedirs(layout.ssh_dir, mode=0o700)
