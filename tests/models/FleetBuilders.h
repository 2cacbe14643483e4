#pragma once

#include "common/protocol/AgentStatus.h"
#include "common/protocol/HelloReply.h"
#include "common/protocol/SamplePoint.h"

#include <QDateTime>
#include <QMap>

#include <optional>

namespace anycast::modeltest {

// A node described in a few fields, turned into what its agent would send.
struct ServiceSpec
{
    QString name;
    QStringList prefixes;
    PrefixState route = PrefixState::Announced;
    QString routeReason; // empty: the state's name
    HealthLabel health{false, ServiceHealth::Healthy};
    OperatorState operatorState = OperatorState::Active;
    quint64 established = 0;
    quint32 acceptQueue = 0;
};

struct NodeSpec
{
    QString node;
    QString region;
    QList<ServiceSpec> services;
    OperatorState nodeState = OperatorState::Active;
    QString drainedBy; // non-empty: a node drain by this user is in force
    std::optional<GeoLocation> location;
    QMap<QString, QString> neighbors;
};

HelloReply helloOf(const NodeSpec &spec);
AgentStatus statusOf(const NodeSpec &spec);
SamplePoint sampleOf(const NodeSpec &spec, const QDateTime &time);

} // namespace anycast::modeltest
