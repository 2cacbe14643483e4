"""The command line of scripts/lab."""

import argparse
import os
import subprocess
import sys

from . import commands, environment, faults, launcher, topology
from .clients import LabError

EPILOG = """nodes: %s
fault kinds:
%s
exit codes: 0 done; 1 failed (the message says why; `rib`: a disagreement); 64 usage
(bad node, kind or argument: nothing was changed); 69 no lab running in the folder;
77 needs root (net-delay, net-loss); 130 interrupted (`up` stops what it started).
The folder defaults to $ANYCAST_LAB_DIR, else /tmp/anycast-lab-$USER; the binaries to
$ANYCAST_BIN_DIR, else build/dev/bin of this checkout.""" % (
    ", ".join("%s (%s, %s)" % (node.name, node.region, node.city) for node in topology.NODES),
    "\n".join("  %-16s %s" % (kind, text) for kind, text in faults.ALL_KINDS.items()))


class Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(commands.EXIT_USAGE, "%s: %s\n" % (self.prog, message))


def build_parser():
    common = Parser(add_help=False)
    common.add_argument("--dir", default=None, help="the lab's folder")
    binaries = Parser(add_help=False)
    binaries.add_argument("--bin", default=None, help="where anycast-agent & co. are built")
    parser = Parser(prog="scripts/lab", description="A lab of 3 regions x 2 anycast nodes on "
                    "127.0.0.x: lab service, agent and ExaBGP per node, a GoBGP upstream, an "
                    "sshd of its own and the console's inventory.", epilog=EPILOG,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    sub.add_parser("up", parents=[common, binaries], help="start the lab and wait until ready")
    sub.add_parser("down", parents=[common], help="stop everything the lab started")
    listing = sub.add_parser("list", parents=[common], help="nodes, health, faults")
    listing.add_argument("--json", action="store_true")
    fault = sub.add_parser("fault", parents=[common], help="inject or undo a fault on a node")
    fault.add_argument("node")
    fault.add_argument("kind")
    fault.add_argument("arguments", nargs="*")
    for action in ("drain", "undrain"):
        operator = sub.add_parser(action, parents=[common, binaries],
                                  help="%s a node through anycastctl" % action)
        operator.add_argument("node")
        operator.add_argument("--reason", required=True)
        operator.add_argument("--ticket")
        operator.add_argument("--service")
        if action == "drain":
            operator.add_argument("--immediate", action="store_true")
            operator.add_argument("--force", action="store_true")
    ribs = sub.add_parser("rib", parents=[common], help="the upstream's RIB beside the agents")
    ribs.add_argument("--json", action="store_true")
    return parser


def operator_options(arguments):
    options = ["--reason", arguments.reason]
    for name in ("ticket", "service"):
        if getattr(arguments, name):
            options += ["--" + name, getattr(arguments, name)]
    for flag in ("immediate", "force"):
        if getattr(arguments, flag, False):
            options.append("--" + flag)
    return options


def say(text):
    try:
        print(text, flush=True)
    except BrokenPipeError:
        # A reader that went away (`scripts/lab list | head`) must not stop a command halfway,
        # least of all `up` or `down`: the rest of the output goes nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def console_reads_inventories(console):
    try:
        done = subprocess.run([console, "--help"], capture_output=True, text=True, timeout=20,
                              env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--inventory" in done.stdout + done.stderr


def report_ready(lab):
    layout = lab.layout
    console = environment.binary(lab.bin, "anycast-console")
    here = "" if os.path.abspath(layout.root) == environment.default_dir() else \
        " --dir " + layout.root
    say("")
    say("lab: ready in %.1f s" % (lab.step_time()))
    say("  folder     %s (logs and configs per node under nodes/)" % layout.root)
    say("  inventory  %s" % layout.inventory)
    say("  console    %s --inventory %s%s" % (console, layout.inventory,
                                            "" if console_reads_inventories(console)
                                            else "  (not in this build of the console yet)"))
    say("  ssh        ssh -F %s fra-1   (the console's way in, also for you)" % layout.ssh_config)
    say("  try        scripts/lab list%s" % here)
    say("             scripts/lab rib%s" % here)
    say("             scripts/lab fault fra-1 close-listener%s" % here)
    say("             scripts/lab drain iad-1 --reason 'kernel upgrade'%s" % here)
    say("  stop       scripts/lab down%s" % here)


def run(arguments):
    root = arguments.dir or environment.default_dir()
    if arguments.command == "up":
        try:
            lab = launcher.up(root, arguments.bin, say)
        except (KeyboardInterrupt, launcher.Interrupted):
            return 130
        report_ready(lab)
        return commands.EXIT_OK
    if arguments.command == "down":
        return commands.down(root, say)
    if arguments.command == "list":
        return commands.list_nodes(root, arguments.json, say)
    if arguments.command == "fault":
        return commands.fault(root, arguments.node, arguments.kind, arguments.arguments, say)
    if arguments.command in ("drain", "undrain"):
        return commands.operator_action(root, arguments.command, arguments.node,
                                        operator_options(arguments), arguments.bin, say)
    return commands.rib(root, arguments.json, say)


def main(argv=None):
    arguments = build_parser().parse_args(argv)
    try:
        return run(arguments)
    except faults.UsageError as error:
        print("scripts/lab: %s" % error, file=sys.stderr)
        return commands.EXIT_USAGE
    except commands.NoLab as error:
        print("scripts/lab: %s" % error, file=sys.stderr)
        return commands.EXIT_NO_LAB
    except PermissionError as error:
        print("scripts/lab: %s" % error, file=sys.stderr)
        return commands.EXIT_NOT_ROOT
    except (LabError, OSError, ValueError) as error:
        if arguments.command == "up":
            return commands.EXIT_FAILED  # `up` has already said what failed
        print("scripts/lab: %s" % error, file=sys.stderr)
        return commands.EXIT_FAILED
    except KeyboardInterrupt:
        return 130
