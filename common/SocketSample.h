#pragma once

#include "common/ConnectionActivity.h"
#include "common/HostCounters.h"
#include "common/ServiceSocketStats.h"

#include <QStringList>

#include <optional>

namespace anycast {

// One full sample (~1 Hz): every service's sockets, the rest of the host's sockets by
// state, and the host-wide counters.
struct SocketSample
{
    qint64 timestampMs = 0; // wall clock, milliseconds since the epoch
    QString source;         // "netlink" or "proc"
    quint64 durationUs = 0; // how long taking the sample took
    QList<ServiceSocketStats> services;
    QList<ConnectionActivity> connections; // one per service, in the same order
    TcpStateCounts otherSockets;           // sockets on no service port
    HostCounters host;
    QStringList warnings; // e.g. lines of /proc/net/tcp that did not parse

    QJsonObject toJson() const;
    static SocketSample fromJson(JsonReader &reader);
    static std::optional<SocketSample> parse(const QJsonObject &json, QString *error);

    bool operator==(const SocketSample &) const = default;
};

// The connection watch (between full samples, as often as its cost allows): every service's
// connection activity, and nothing else.
struct ConnectionSample
{
    quint64 durationUs = 0;
    QList<ConnectionActivity> services; // one per service, in the configured order
};

// One fast-path sample (~10 Hz): the services' listeners only.
struct ListenerSample
{
    qint64 timestampMs = 0;
    QString source;
    quint64 durationUs = 0;
    QList<ServiceListeners> services;

    QJsonObject toJson() const;
    static ListenerSample fromJson(JsonReader &reader);
    static std::optional<ListenerSample> parse(const QJsonObject &json, QString *error);

    bool operator==(const ListenerSample &) const = default;
};

} // namespace anycast
