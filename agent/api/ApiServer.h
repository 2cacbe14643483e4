#pragma once

#include "agent/api/ApiMethods.h"
#include "agent/api/SocketAccess.h"
#include "common/Result.h"

#include <QLocalServer>
#include <QMap>
#include <QSet>

#include <unordered_map>

class QLocalSocket;

namespace anycast {

// The agent's operator API on api_socket: JSON-RPC 2.0, one object per line (docs/API.md).
// The caller's identity comes from the kernel at connect time. Every client is bounded: a
// line over 1 MiB gets an error and a disconnect, a client that does not read its replies
// or notifications is dropped once kMaxQueuedBytes wait for it, and the number of clients
// (in all and per user) is capped, so no client can stall the agent or the other clients.
// Accepted clients belong to this object and are closed here, before the listener goes, so
// none can report its end to a half-destroyed server.
class ApiServer final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxQueuedBytes = 16 * 1024 * 1024;
    static constexpr int kMaxClients = 256;
    static constexpr int kMaxClientsPerUser = 32;

    ApiServer(ApiMethods &methods, QString operatorsGroup, QObject *parent = nullptr);
    ~ApiServer() final;

    // Listens on `path` with mode 0660 and group `socketGroup` (the group that may connect).
    // A group that does not exist or cannot be given leaves the socket owner-only (see
    // grantGroupAccess), with a warning logged: root can always connect and drain.
    Result<SocketAccess> listen(const QString &path, const QString &socketGroup);
    // Stops listening and closes every client: for shutdown.
    void close();
    void setOperatorsGroup(const QString &group) { m_operatorsGroup = group; }

    // Sends a notification to every client that subscribed to `topic`.
    void notify(const QString &topic, const QJsonObject &params);
    // Whether anyone listens: lets the caller skip building params nobody reads.
    bool hasSubscribers(const QString &topic) const;
    int clientCount() const { return static_cast<int>(m_clients.size()); }
    quint64 requests() const { return m_requests; }
    quint64 errors() const { return m_errors; }
    // Calls per method; calls of methods that do not exist count as "unknown".
    const QMap<QString, quint64> &requestsByMethod() const { return m_requestsByMethod; }

signals:
    void logLine(const QString &line);

private:
    struct Client
    {
        Caller caller;
        QByteArray partial;
        QSet<QString> topics;
    };

    void onNewConnection();
    void onReadyRead(QLocalSocket *socket);
    void handleLine(QLocalSocket *socket, Client &client, QByteArrayView line);
    ApiMethods::Reply subscribe(Client &client, const QJsonObject &params) const;
    // Writes and enforces the queue bound; false when the client was dropped.
    bool send(QLocalSocket *socket, const QByteArray &line);
    void refuse(QLocalSocket *socket, const RpcError &error);
    void forget(QLocalSocket *socket);
    int clientsOf(uid_t uid) const;

    ApiMethods &m_methods;
    QString m_operatorsGroup;
    QLocalServer m_server;
    std::unordered_map<QLocalSocket *, Client> m_clients;
    quint64 m_requests = 0;
    quint64 m_errors = 0;
    QMap<QString, quint64> m_requestsByMethod;
};

} // namespace anycast
