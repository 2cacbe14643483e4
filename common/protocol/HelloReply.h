#pragma once

#include "common/JsonReader.h"
#include "common/protocol/GeoLocation.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace anycast {

// A service as `hello` names it: what it listens on and what it announces.
struct ServiceInfo
{
    QString name;
    QList<quint16> ports;
    QStringList prefixes;

    QJsonObject toJson() const;
    static ServiceInfo fromJson(JsonReader &reader);

    bool operator==(const ServiceInfo &) const = default;
};

// Who the agent sees on the other end of the connection (from the kernel, not the request).
struct CallerInfo
{
    quint64 uid = 0;
    quint64 gid = 0;
    quint64 pid = 0;
    QString user;
    QStringList groups;
    QStringList rights; // ["read"] or ["read", "mutate"]

    bool mayMutate() const { return rights.contains(QStringLiteral("mutate")); }
    QJsonObject toJson() const;
    static CallerInfo fromJson(JsonReader &reader);

    bool operator==(const CallerInfo &) const = default;
};

// The reply to `hello`: who the node is, what it serves, and what this caller may do.
struct HelloReply
{
    QString node;
    QString region;
    std::optional<GeoLocation> location;
    QString agentVersion;
    int apiVersion = 0;
    QList<ServiceInfo> services;
    QStringList prefixes;
    CallerInfo caller;
    QStringList methods;
    quint64 sampleIntervalMs = 0;

    QJsonObject toJson() const;
    static HelloReply fromJson(JsonReader &reader);
    // `versions.api` alone, read before anything else: a console meeting another version
    // reports a mismatch rather than a parse error on a shape it does not know.
    static std::optional<int> apiVersionOf(const QJsonObject &result);

    bool operator==(const HelloReply &) const = default;
};

} // namespace anycast
