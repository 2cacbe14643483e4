#pragma once

#include "common/JsonReader.h"

#include <QList>
#include <QMap>

namespace anycast {

// One prefix as the BGP controller holds it: the command it wants ExaBGP to have and the
// last one ExaBGP acknowledged.
struct BgpPrefixStatus
{
    QString prefix;
    QString desired;
    QString acknowledged;
    bool converged = false;
    bool inFlight = false;
    quint64 failures = 0;
    QString lastError;

    QJsonObject toJson() const;
    static BgpPrefixStatus fromJson(JsonReader &reader);

    bool operator==(const BgpPrefixStatus &) const = default;
};

// The `bgp` part of `status`: the bridge, each neighbor's session state, per prefix desired
// versus acknowledged.
struct BgpStatus
{
    bool bridgeConnected = false;
    QString bridge;                   // the bridge's hello line, empty when none
    QMap<QString, QString> neighbors; // neighbor address -> session state
    QList<BgpPrefixStatus> prefixes;
    quint64 errorAcks = 0;
    // Neighbor-state events dropped: beyond the neighbors tracked, or not a plain address.
    quint64 neighborEventsIgnored = 0;

    QJsonObject toJson() const;
    static BgpStatus fromJson(JsonReader &reader);

    bool operator==(const BgpStatus &) const = default;
};

} // namespace anycast
