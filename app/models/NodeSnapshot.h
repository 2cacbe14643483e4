#pragma once

#include "app/session/LinkStatus.h"
#include "common/protocol/AgentStatus.h"
#include "common/protocol/HelloReply.h"
#include "common/protocol/SamplePoint.h"

#include <optional>

namespace anycast {

// Everything the console holds about one inventory endpoint: the link, and the agent's
// last hello, status and sample. A node is known by its endpoint until hello names it.
struct NodeSnapshot
{
    using Clock = LinkStatus::Clock;

    QString endpoint;
    QString label; // how the inventory names the endpoint ("noc@fra-1:22"); may be empty
    LinkStatus link;
    std::optional<HelloReply> hello;
    std::optional<AgentStatus> status;
    std::optional<SamplePoint> lastSample;
    std::optional<Clock::time_point> lastSampleAt; // the console's clock when it arrived

    // What a person reads for the endpoint.
    QString where() const { return label.isEmpty() ? endpoint : label; }
    // The agent's own name once hello gave it, else where it is reached.
    QString name() const { return hello ? hello->node : where(); }
    // Empty until hello; kept while the link is down (the node is still there, unseen).
    QString region() const { return hello ? hello->region : QString(); }
    // Current facts flow only while connected; anything older is history, not state.
    bool reachable() const { return link.isConnected() && status.has_value(); }

    // One service's part of the last sample and of status; null when absent.
    const ServiceSample *sampleOf(const QString &service) const;
    const ServiceStatus *statusOf(const QString &service) const;
    // ESTABLISHED connections of a service: the last sample's count, else status's.
    quint64 established(const QString &service) const;
};

} // namespace anycast
