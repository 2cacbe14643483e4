#!/bin/bash
# Run by anycast-packaging-tests under `unshare --mount --propagation private`, as root:
#   installed-root.sh EXTRACTED_ROOT CONTROL_DIR WORK_DIR
# Installs the extracted anycast-agent package the way dpkg would on a host that has Debian's
# exabgp package, into a private copy of /etc and a private /run (nothing on the host
# changes), runs the package's postinst, then starts the packaged agent as its packaged user
# on the shipped config, and ExaBGP's bridge once as user exabgp (what Debian's exabgp.service
# runs it as) and once as nobody. Prints "RESULT KEY VALUE" lines for the test to judge.
set -euo pipefail

root=$1
control=$2
work=$3
bin=$root/usr/bin

# The host's /etc, copied, in place of /etc; a fresh /run (no systemd there, so the postinst
# leaves systemctl alone, as in a container).
cp -a /etc "$work/etc"
mount --bind "$work/etc" /etc
mount -t tmpfs -o mode=0755 tmpfs /run

# What Debian's exabgp postinst does (Depends: exabgp runs it first): a system user and
# group exabgp. Already there on a host with exabgp installed.
getent passwd exabgp >/dev/null ||
    adduser --quiet --system --group --disabled-login --home /run/exabgp exabgp

# dpkg's unpack: the sysusers and tmpfiles files (found in /run/*.d as well as /usr/lib/*.d),
# and the conffile, root:root 0640.
install -D -m 0644 "$root/usr/lib/sysusers.d/anycast-agent.conf" /run/sysusers.d/anycast-agent.conf
install -D -m 0644 "$root/usr/lib/tmpfiles.d/anycast-agent.conf" /run/tmpfiles.d/anycast-agent.conf
install -d -m 0755 /etc/anycast-agent
install -m 0640 "$root/etc/anycast-agent/agent.toml" /etc/anycast-agent/agent.toml
status=0
"$control/postinst" configure >"$work/postinst.log" 2>&1 || status=$?
echo "RESULT postinst $status"
echo "RESULT agent-groups $(id -nG anycast-agent | tr ' ' ',')"

# Commands, not functions: started with &, $! is then the program's own PID (setpriv execs
# it), which cleanup can stop.
as_agent=(setpriv --reuid=anycast-agent --regid=anycast-agent --init-groups)
as_exabgp=(setpriv --reuid=exabgp --regid=exabgp --init-groups)
as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)

status=0
"${as_agent[@]}" "$bin/anycast-agent" --config /etc/anycast-agent/agent.toml --check \
    >"$work/check.out" 2>"$work/check.err" || status=$?
echo "RESULT check $status"

# What the unit's StateDirectory= and RuntimeDirectory= make; the admin's only edits: the
# state folder inside the test's, and no HTTP listener (other tests use port 9642).
state=$work/state
install -d -m 0750 -o anycast-agent -g anycast-agent "$state" /run/anycast-agent
chmod 0755 /run/anycast-agent
sed -i -e "s|^state_dir = .*|state_dir = \"$state\"|" -e 's|^http_listen = .*|http_listen = ""|' \
    /etc/anycast-agent/agent.toml

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

"${as_agent[@]}" "$bin/anycast-agent" --config /etc/anycast-agent/agent.toml >"$work/agent.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
    [ -S /run/anycast-agent/bgp.sock ] && [ -S /run/anycast-agent/api.sock ] && break
    sleep 0.1
done
grep -q '^api: listening on' "$work/agent.log" || sleep 1
echo "RESULT bgp-socket $(stat -c '%a,%U,%G' /run/anycast-agent/bgp.sock)"
echo "RESULT api-socket $(stat -c '%a,%U,%G' /run/anycast-agent/api.sock)"

# One bridge at a time (the agent keeps one). Its stdin is a FIFO this shell holds open, as
# ExaBGP holds the pipe to its API processes: the bridge never sees end of input.
bridge_until() { # NAME PATTERN SETPRIV...: runs the bridge until its log matches PATTERN
    local name=$1 pattern=$2 outcome=timeout fifo=$work/exabgp-$1 fd
    shift 2
    mkfifo "$fifo"
    exec {fd}<>"$fifo"
    "$@" "$bin/anycast-exabgp-bridge" --socket /run/anycast-agent/bgp.sock \
        <&"$fd" >/dev/null 2>"$work/bridge-$name.log" &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 100); do
        if grep -q "$pattern" "$work/bridge-$name.log"; then
            outcome=seen
            break
        fi
        sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    exec {fd}>&-
    echo "RESULT bridge-$name $outcome"
}
bridge_until exabgp 'connected to agent at' "${as_exabgp[@]}"
for _ in $(seq 50); do
    grep -q 'bgp: bridge connected' "$work/agent.log" && break
    sleep 0.1
done
echo "RESULT agent-saw-bridge $(grep -c 'bgp: bridge connected' "$work/agent.log" || true)"
bridge_until nobody 'unavailable (Permission denied)' "${as_nobody[@]}"

status=0
"$bin/anycastctl" --socket /run/anycast-agent/api.sock status >"$work/ctl.out" 2>&1 || status=$?
echo "RESULT root-status $status"
