"""Starting the lab's processes in groups of their own, and finding and stopping them again.

A record names a process by pid *and* its start time (field 22 of /proc/PID/stat), so a pid
the kernel has since given to someone else is never signalled."""

import os
import signal
import subprocess
import time


def _stat_fields(pid):
    """/proc/PID/stat from the state field on, or [] when the process is gone."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as stat:
            text = stat.read()
    except OSError:
        return []
    # The command name in parentheses may contain spaces; the fields after the last ')' do not.
    return text[text.rfind(b")") + 2:].split()


def start_time(pid):
    fields = _stat_fields(pid)
    return int(fields[19]) if len(fields) > 19 else None


def parent_of(pid):
    fields = _stat_fields(pid)
    return int(fields[1]) if len(fields) > 1 else None


def command_line(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as cmdline:
            return cmdline.read().rstrip(b"\0").replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def working_dir(pid):
    try:
        return os.readlink("/proc/%d/cwd" % pid)
    except OSError:
        return ""


def all_pids():
    return [int(entry) for entry in os.listdir("/proc") if entry.isdigit()]


def is_zombie(pid):
    fields = _stat_fields(pid)
    return not fields or fields[0] == b"Z"


def record(name, pid):
    return {"name": name, "pid": pid, "start_time": start_time(pid),
            "command": command_line(pid)}


def is_alive(entry):
    pid = entry["pid"]
    return (start_time(pid) == entry["start_time"] and entry["start_time"] is not None
            and not is_zombie(pid))


def parent_map():
    return {candidate: parent_of(candidate) for candidate in all_pids()}


def descendants(pid, parents=None):
    parents = parent_map() if parents is None else parents
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in found:
                found.append(child)
                frontier.append(child)
    return found


# What a lab runs: its own binaries, ExaBGP (python3 /usr/sbin/exabgp), GoBGP, sshd and
# the ssh clients of `up`'s checks.
LAB_PROGRAMS = {"anycast-agent", "anycast-exabgp-bridge", "anycast-lab-service", "anycastctl",
                "exabgp", "gobgpd", "gobgp", "sshd", "ssh"}


def ancestors():
    chain, pid = [], os.getpid()
    while pid and pid > 1:
        chain.append(pid)
        pid = parent_of(pid)
    return set(chain)


def is_lab_program(pid):
    words = command_line(pid).split()[:2]
    return any(os.path.basename(word).rstrip(":") in LAB_PROGRAMS for word in words)


def processes_pointing_into(folder):
    """Processes whose working directory or command line names `folder`, other than this
    one and its ancestors (the shell that runs `down` may well mention the folder)."""
    folder = os.path.abspath(folder)
    mine = ancestors()
    found = []
    for pid in all_pids():
        if pid in mine or is_zombie(pid):
            continue
        cwd = working_dir(pid)
        if cwd == folder or cwd.startswith(folder + "/") or folder in command_line(pid):
            found.append(pid)
    return found


def spawn(name, argv, cwd, log_path, env=None):
    """Starts argv detached from our terminal (a session and process group of its own), with
    stdin from /dev/null and stdout/stderr appended to log_path. Returns its record."""
    with open(log_path, "ab") as log, open(os.devnull, "rb") as devnull:
        process = subprocess.Popen(argv, cwd=cwd, stdin=devnull, stdout=log,
                                   stderr=subprocess.STDOUT, env=env, start_new_session=True,
                                   close_fds=True)
    return record(name, process.pid)


def reap_children():
    """Collects our own exited children so that they do not linger as zombies."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _signal_pid(pid, signum):
    try:
        os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def _leads_group(pid):
    try:
        return os.getpgid(pid) == pid
    except ProcessLookupError:
        return False


def _signal_group(pid, signum):
    try:
        os.killpg(pid, signum)
    except (ProcessLookupError, PermissionError):
        _signal_pid(pid, signum)


def stop(entries, grace=5.0):
    """SIGTERM to each live entry's process group and its descendants (some, like ExaBGP's
    API processes or sshd's sessions, leave the group), SIGKILL after `grace` seconds.
    Returns the entries still alive at the end (none, unless something is unkillable)."""
    targets = []
    parents = parent_map()
    for entry in entries:
        if not is_alive(entry):
            continue
        targets.append(entry)
        for child in descendants(entry["pid"], parents):
            targets.append(record(entry["name"] + " child", child))
    for entry in targets:
        if not is_alive(entry):
            continue
        if _leads_group(entry["pid"]):
            _signal_group(entry["pid"], signal.SIGTERM)
        else:
            _signal_pid(entry["pid"], signal.SIGTERM)
    return _wait_then_kill(targets, grace)


def _wait_then_kill(targets, grace):
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        reap_children()
        if not any(is_alive(entry) for entry in targets):
            return []
        time.sleep(0.05)
    for entry in targets:
        if is_alive(entry):
            _signal_pid(entry["pid"], signal.SIGKILL)
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        reap_children()
        if not any(is_alive(entry) for entry in targets):
            return []
        time.sleep(0.05)
    return [entry for entry in targets if is_alive(entry)]


def stop_pids(pids, grace=3.0):
    return stop([record("stray", pid) for pid in pids], grace)
