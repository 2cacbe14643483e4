#pragma once

#include "common/protocol/AgentStatus.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QTcpServer>

#include <chrono>
#include <functional>
#include <optional>

namespace anycast::fleettest {

using namespace std::chrono_literals;

// Runs the event loop until `done` or the limit, in 5 ms slices, so a result is seen as soon
// as it is there and a missing one fails the test instead of hanging it.
bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds limit = 5s);
// Runs the event loop for `duration`, calling `each` every 5 ms.
void runFor(std::chrono::milliseconds duration, const std::function<void()> &each = {});

// A peer's /status as the agent serves it (the typed AgentStatus): one service "https"
// holding the given prefix -> route state name map, with a probe result when `probeOk` is set.
AgentStatus peerStatus(const QString &node, const QMap<QString, QString> &routes,
                       std::optional<bool> probeOk = std::nullopt);
QJsonObject peerStatusJson(const QString &node, const QMap<QString, QString> &routes,
                           std::optional<bool> probeOk = std::nullopt);

// A raw TCP peer on 127.0.0.1 for the misbehaving cases: it accepts, then either sends
// `response` once the request head is in (and keeps the connection open) or, with an empty
// response, says nothing at all.
class RawPeer
{
public:
    explicit RawPeer(QByteArray response = {});
    quint16 port() const { return m_server.serverPort(); }
    int accepted() const { return m_accepted; }

private:
    QTcpServer m_server;
    QByteArray m_response;
    int m_accepted = 0;
};

// A port on 127.0.0.1 that nothing listens on: bound, read, and closed again.
quint16 closedPort();

} // namespace anycast::fleettest
