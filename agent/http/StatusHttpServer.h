#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QTcpServer>

#include <chrono>
#include <functional>
#include <unordered_map>

class QTcpSocket;
class QTimer;

namespace anycast {

struct HttpRequestHead;

// The agent's read-only HTTP face (http_listen): GET/HEAD /status as JSON and /metrics in
// Prometheus' text format. One request per connection (Connection: close), so a client can
// never hold more than one slot with more than one head's worth of memory. Bounded on every
// axis a careless or hostile local client could push: head size, time to send the head,
// open connections. Runs on the event loop, never blocks it, no threads.
class StatusHttpServer final : public QObject
{
    Q_OBJECT

public:
    using StatusProvider = std::function<QJsonObject()>;

    static constexpr qsizetype kMaxHeadBytes = 8 * 1024;
    static constexpr int kMaxConnections = 64;
    static constexpr std::chrono::milliseconds kDefaultHeadTimeout{5000};

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
    // Applies to connections accepted afterwards; tests shorten it.
    void setHeadTimeout(std::chrono::milliseconds timeout);
    // Connections accepted and not yet closed: for tests and diagnostics.
    int openConnections() const;

signals:
    void logLine(const QString &line);

private:
    struct Connection
    {
        QByteArray received;
        QTimer *deadline = nullptr; // owned by the socket
        bool answered = false;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onBytesWritten(QTcpSocket *socket);
    void forget(QTcpSocket *socket);
    QByteArray answer(const HttpRequestHead &head);
    void respond(QTcpSocket *socket, Connection &connection, const QByteArray &response);

    StatusProvider m_provider;
    MetricsProvider m_metrics;
    QByteArray m_metricsContentType;
    QTcpServer m_server;
    std::chrono::milliseconds m_headTimeout = kDefaultHeadTimeout;
    std::unordered_map<QTcpSocket *, Connection> m_connections;
    int m_rejectedInBurst = 0;
};

} // namespace anycast
