#pragma once

#include "agent/http/ConnectionAdmission.h"
#include "agent/support/LogThrottle.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <unordered_map>

class QTcpSocket;

namespace anycast {

struct HttpRequestHead;

// The agent's read-only HTTP face (http_listen): GET/HEAD /status as JSON and /metrics in
// Prometheus' text format. One request per connection (Connection: close), so a client can
// never hold more than one slot with more than one head's worth of memory. Bounded on every
// axis a careless or hostile local client could push: head size, time to send the head,
// open connections, connections per source address (ConnectionAdmission). Runs on the
// event loop, never blocks it, no threads. Accepted connections belong to this object and
// are closed here, before the listener goes.
class StatusHttpServer final : public QObject
{
    Q_OBJECT

public:
    using StatusProvider = std::function<QJsonObject()>;

    static constexpr qsizetype kMaxHeadBytes = 8 * 1024;
    static constexpr int kMaxConnections = 64;
    static constexpr int kMaxConnectionsPerAddress = 8;
    // The kernel's queue of connections not yet accepted: deep enough that a burst of
    // connections (a slowloris reconnecting) waits there instead of being dropped, which
    // would cost a prompt client a SYN retransmission, one second.
    static constexpr int kListenBacklog = 256;
    static constexpr std::chrono::milliseconds kDefaultHeadTimeout{2000};
    static constexpr std::chrono::milliseconds kDefaultResponseTimeout{5000};

    using MetricsProvider = std::function<QByteArray()>;

    explicit StatusHttpServer(StatusProvider provider, QObject *parent = nullptr);
    // GET /metrics: the provider's text with this content type; without one, 404.
    void setMetricsProvider(MetricsProvider provider, QByteArray contentType)
    {
        m_metrics = std::move(provider);
        m_metricsContentType = std::move(contentType);
    }
    ~StatusHttpServer() final;

    // "127.0.0.1:9642", "[::1]:9642"; port 0 picks a free one (tests). Literal addresses
    // only: binding exactly what the operator wrote is what keeps it off public interfaces.
    Result<bool> listen(const QString &hostPort);
    quint16 port() const;

    // How long a client has to send its whole request head, and then to take the response.
    // Apply to connections accepted afterwards; tests shorten them.
    void setHeadTimeout(std::chrono::milliseconds timeout);
    void setResponseTimeout(std::chrono::milliseconds timeout);
    // Connections accepted and not yet closed: for tests and diagnostics.
    int openConnections() const;
    // Stops listening and closes every connection: for shutdown.
    void close();

signals:
    void logLine(const QString &line);

private:
    struct Connection
    {
        ConnectionAdmission::Id id = 0;
        QByteArray received;
        bool answered = false;
    };

    void onNewConnection();
    void refuse(QTcpSocket *socket, ConnectionAdmission::Verdict verdict);
    void onReadyRead(QTcpSocket *socket);
    void onBytesWritten(QTcpSocket *socket);
    void onDeadline();
    void armDeadline();
    // Cuts the socket's signals to this object, aborts it and lets it go.
    void drop(QTcpSocket *socket);
    void forget(QTcpSocket *socket);
    QByteArray answer(const HttpRequestHead &head);
    void respond(QTcpSocket *socket, Connection &connection, const QByteArray &response);

    StatusProvider m_provider;
    MetricsProvider m_metrics;
    QByteArray m_metricsContentType;
    QTcpServer m_server;
    ConnectionAdmission m_admission;
    ConnectionAdmission::Id m_nextId = 1;
    QTimer m_deadline; // the earliest deadline of any connection
    std::unordered_map<QTcpSocket *, Connection> m_connections;
    std::unordered_map<ConnectionAdmission::Id, QTcpSocket *> m_sockets;
    LogThrottle m_refusalLog{std::chrono::seconds(10)};
};

} // namespace anycast
