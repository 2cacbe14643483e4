#pragma once

#include "HostCounters.h"
#include "ServiceSocketStats.h"

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
    TcpStateCounts otherSockets; // sockets on no service port
    HostCounters host;
    QStringList warnings; // e.g. lines of /proc/net/tcp that did not parse

    QJsonObject toJson() const;
    static SocketSample fromJson(JsonReader &reader);
    static std::optional<SocketSample> parse(const QJsonObject &json, QString *error);

    bool operator==(const SocketSample &) const = default;
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
