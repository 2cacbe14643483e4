#pragma once

#include "common/ListenerStats.h"
#include "common/TcpInfoSummary.h"
#include "common/TcpStateCounts.h"

#include <QList>

namespace anycast {

// Every socket whose local port is one of a service's ports, summarised.
struct ServiceSocketStats
{
    QString name;
    QList<quint16> ports;
    QList<ListenerStats> listeners;
    TcpStateCounts states;
    TcpInfoSummary tcpInfo;

    QJsonObject toJson() const;
    static ServiceSocketStats fromJson(JsonReader &reader);

    bool operator==(const ServiceSocketStats &) const = default;
};

// The fast path's view of a service: only its LISTEN sockets.
struct ServiceListeners
{
    QString name;
    QList<quint16> ports;
    QList<ListenerStats> listeners;

    QJsonObject toJson() const;
    static ServiceListeners fromJson(JsonReader &reader);

    bool operator==(const ServiceListeners &) const = default;
};

namespace detail {
QJsonArray portsToJson(const QList<quint16> &ports);
QList<quint16> portsFromJson(JsonReader &reader);
} // namespace detail

} // namespace anycast
