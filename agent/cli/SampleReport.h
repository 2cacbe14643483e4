#pragma once

#include "AgentConfig.h"
#include "SocketSample.h"

#include <QJsonObject>

namespace anycast {

// What `anycast-agent --once` prints: the node, the fast-path view and one full sample.
struct SampleReport
{
    QString node;
    QString region;
    ListenerSample listeners;
    SocketSample sample;

    QJsonObject toJson() const;
    // Plain text for a terminal: one block per service, zero counts left out.
    QString toText() const;
};

} // namespace anycast
