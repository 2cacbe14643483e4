#pragma once

#include "agent/config/AgentConfig.h"
#include "agent/health/HealthEngine.h"
#include "agent/policy/RouteDecision.h"
#include "agent/probe/Probe.h"
#include "common/SocketSample.h"

namespace anycast {

// What `--once` concludes for one service from a single check.
struct ServiceEvaluation
{
    QString name;
    HealthVerdict verdict;
    std::optional<ProbeResult> probe;
    QList<PrefixDecision> routes;
};

// Runs every configured probe once, concurrently, and waits for them (each has its own
// timeout, so this returns within the longest one). Needs a running QCoreApplication.
QList<std::optional<ProbeResult>> runProbesOnce(const AgentConfig &config);

// Judges each service on one check: rise and fall do not apply (there is only one), so the
// verdict is what this moment's signals say; the routes are what the policy would announce
// for it. `sample` names the configured services in their order (the caller checks it
// with serviceOrderProblem).
QList<ServiceEvaluation> evaluateOnce(const AgentConfig &config, const SocketSample &sample,
                                      const QList<std::optional<ProbeResult>> &probes);

} // namespace anycast
