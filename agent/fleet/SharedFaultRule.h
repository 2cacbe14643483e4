#pragma once

#include <QString>

namespace anycast {

// How other nodes' probes of one service fare: counted over peers with a fresh status that
// report a probe result for the service.
struct PeerProbes
{
    int reporting = 0;
    int failing = 0;

    bool operator==(const PeerProbes &) const = default;
};

struct SharedFaultVerdict
{
    bool shared = false;
    QString reason; // set whenever the local probe fails: why it is, or is not, shared
};

// Cross-region check before a failing probe withdraws this site: when most other sites'
// probes of the same service fail too, the fault is most likely shared (a common backend,
// a bad deploy everywhere), and withdrawing here would only move users to sites that fail
// the same way, one withdrawal after another until the whole fleet is gone.
//
// The rule's limits, on purpose:
// - It needs at least two reporting peers (`minReporting` below 2 counts as 2): one peer
//   agreeing is as likely a coincidence as a shared cause.
// - A strict majority of the reporting peers must fail; a tie is not shared.
// - It only ever speaks for probe-caused verdicts. A missing listener or a full accept
//   queue is this node's own fault whatever the peers see, so the runtime applies the rule
//   to probe-caused down verdicts only and never lets it override a missing listener.
SharedFaultVerdict sharedFault(const QString &service, bool localProbeFailing, PeerProbes peers,
                               int minReporting = 2);

} // namespace anycast
