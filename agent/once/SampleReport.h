#pragma once

#include "agent/config/AgentConfig.h"
#include "agent/once/OnceEvaluation.h"
#include "common/SocketSample.h"

#include <QJsonObject>

namespace anycast {

// What `anycast-agent --once` prints: the node, the fast-path view, one full sample, and
// the verdict and desired routes that sample leads to.
struct SampleReport
{
    QString node;
    QString region;
    ListenerSample listeners;
    SocketSample sample;
    QList<ServiceEvaluation> evaluations;

    QJsonObject toJson() const;
    // Plain text for a terminal: one block per service, zero counts left out.
    QString toText() const;
};

} // namespace anycast
