// anycast-exabgp-bridge: runs as an ExaBGP API process (`encoder json`, `neighbor-changes`)
// and relays between ExaBGP (its stdin/stdout) and anycast-agent (a Unix stream socket, the
// agent's bgp_socket). docs/BGP-BRIDGE.md has the same contract with examples.
//
// Wire protocol on the agent's socket:
// - Lines, UTF-8, '\n'-terminated, at most 64 KiB each; a longer line is dropped whole and
//   logged to stderr, the lines after it still count.
// - On every (re)connect the bridge first sends `#bridge hello VERSION on_agent_loss=keep`
//   (or `=withdraw`), then the latest state event of each peer it has seen (at most 64).
// - agent -> bridge: ExaBGP API text commands, one per line, written verbatim to stdout and
//   flushed. Blank lines and lines starting with '#' are not forwarded (reserved for the
//   agent-bridge conversation). `[neighbor SELECTOR...] announce|withdraw route PREFIX ...`
//   updates the bridge's record of what is announced, keyed by selector and prefix.
// - bridge -> agent: every line ExaBGP writes to stdin (done, error, shutdown, JSON events,
//   anything else), verbatim, except the "done"/"error" acks answering commands the bridge
//   issued itself (ExaBGP 4.2 acks each command in order, one line each) and lines starting
//   with '#' after any blanks: those are the bridge's own voice, never ExaBGP's. While the agent is
//   away, lines from ExaBGP are dropped (own acks are still counted off).
// - Agent loss: a failed connect or a closed connection is retried every 200 ms without ever
//   blocking. When the agent is not back within --grace (default 10s), --on-agent-loss applies:
//   keep does nothing; withdraw writes `[SELECTOR ]withdraw route PREFIX[ next-hop NH]` for
//   every route announced and marks it withdrawn. After a reconnect the agent sends its whole
//   desired state; the bridge does nothing special.
// - stdin EOF (ExaBGP exited), SIGTERM, SIGINT: exit 0. SIGPIPE ignored. The bridge never
//   exits because the agent is missing: ExaBGP stops respawning a process that dies 5 times in
//   about a minute. More than 4 MiB waiting for ExaBGP: the agent connection is dropped
//   (and retried once half of it has drained). Bad arguments: usage on stderr, exit 64.
#include "agent/bridge/Bridge.h"
#include "agent/bridge/BridgeOptions.h"

#include <csignal>
#include <cstdio>

namespace {

volatile std::sig_atomic_t stopRequested = 0;

void requestStop(int)
{
    stopRequested = 1;
}

} // namespace

int main(int argc, char *argv[])
{
    using anycast::ParsedArguments;
    const ParsedArguments parsed = anycast::parseBridgeArguments(argc, argv);
    switch (parsed.action) {
    case ParsedArguments::Action::Help:
        std::printf("%s\n\nRelays route commands between anycast-agent and ExaBGP; run by "
                    "ExaBGP as an API process.\n"
                    "  --socket PATH           the agent's bgp_socket\n"
                    "  --on-agent-loss POLICY  keep (default) or withdraw what was announced "
                    "when the agent stays gone\n"
                    "  --grace DURATION        how long the agent may be gone, e.g. 500ms, "
                    "10s (default), 2m\n",
                    anycast::BridgeUsage);
        return 0;
    case ParsedArguments::Action::Version:
        std::printf("anycast-exabgp-bridge %s\n", ANYCAST_VERSION);
        return 0;
    case ParsedArguments::Action::Error:
        std::fprintf(stderr, "anycast-exabgp-bridge: %s\n%s\n", parsed.error.c_str(),
                     anycast::BridgeUsage);
        return 64; // EX_USAGE
    case ParsedArguments::Action::Run:
        break;
    }

    std::signal(SIGPIPE, SIG_IGN);
    // SIGTERM/SIGINT stay blocked except inside ppoll(), so one arriving between the loop's
    // check and the wait still wakes it.
    struct sigaction action
    {};
    action.sa_handler = requestStop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    sigset_t stopSignals;
    sigset_t pollMask;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    sigprocmask(SIG_BLOCK, &stopSignals, &pollMask);
    sigdelset(&pollMask, SIGTERM);
    sigdelset(&pollMask, SIGINT);

    anycast::Bridge bridge(parsed.options, ANYCAST_VERSION);
    return bridge.run(pollMask, stopRequested);
}
