#include "StatusHttpServer.h"

#include "HttpRequestHead.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <exception>

namespace anycast {

namespace {

// Bounds what Qt buffers per socket beyond the head limit, whatever a client sends at once.
constexpr qint64 kReadBufferBytes = 16 * 1024;

struct Response
{
    int status = 200;
    QByteArray reason;
    QByteArray contentType;
    QByteArray body;
    QByteArray extraHeaders; // whole lines, CRLF-terminated
};

QByteArray serialize(const Response &response, bool withBody)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason +
                       "\r\nContent-Type: " + response.contentType +
                       "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
                       "\r\nConnection: close\r\nCache-Control: no-store\r\n"
                       "X-Content-Type-Options: nosniff\r\n" +
                       response.extraHeaders + "\r\n";
    // HEAD: the same headers, Content-Length included, but no body (RFC 9110 9.3.2).
    if (withBody)
        bytes += response.body;
    return bytes;
}

Response plainText(int status, QByteArray reason, QByteArray body)
{
    return {status, std::move(reason), "text/plain; charset=utf-8", std::move(body), {}};
}

// The words of strerror() for the errors an operator can act on; Qt's own texts for these
// ("The bound address is already in use") do not match what ss, systemd and man pages say.
QString listenError(const QTcpServer &server)
{
    switch (server.serverError()) {
    case QAbstractSocket::AddressInUseError:
        return QString::fromLocal8Bit(std::strerror(EADDRINUSE));
    case QAbstractSocket::SocketAccessError:
        return QString::fromLocal8Bit(std::strerror(EACCES));
    case QAbstractSocket::SocketAddressNotAvailableError:
        return QString::fromLocal8Bit(std::strerror(EADDRNOTAVAIL));
    default:
        return server.errorString();
    }
}

} // namespace

StatusHttpServer::StatusHttpServer(StatusProvider provider, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
{
    connect(&m_server, &QTcpServer::newConnection, this, &StatusHttpServer::onNewConnection);
}

StatusHttpServer::~StatusHttpServer()
{
    // The sockets are children of m_server and would report their disconnection to a half
    // destroyed this; cut them loose first.
    for (auto &[socket, connection] : m_connections) {
        socket->disconnect(this);
        socket->abort();
    }
    m_connections.clear();
}

Result<bool> StatusHttpServer::listen(const QString &hostPort)
{
    const auto fail = [&hostPort](const QString &why) {
        return Result<bool>::failure(
            QStringLiteral("cannot listen on %1: %2")
                .arg(hostPort.isEmpty() ? QStringLiteral("\"\"") : hostPort, why));
    };
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    QString host = hostPort.left(colon);
    const bool bracketed = host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'));
    if (bracketed)
        host = host.mid(1, host.size() - 2);
    bool portOk = false;
    const uint port = colon > 0 ? hostPort.mid(colon + 1).toUInt(&portOk) : 0;
    const QHostAddress address(host);
    if (colon <= 0 || !portOk || port > 65535 || address.isNull() ||
        (address.protocol() == QAbstractSocket::IPv6Protocol) != bracketed) {
        return fail(QStringLiteral("expected ADDRESS:PORT with a literal address, such as "
                                   "127.0.0.1:9642 or [::1]:9642"));
    }
    if (m_server.isListening())
        return fail(QStringLiteral("already listening on port %1").arg(m_server.serverPort()));
    if (!m_server.listen(address, static_cast<quint16>(port)))
        return fail(listenError(m_server));
    const QString bound = bracketed ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2");
    emit logLine(QStringLiteral("http: GET /status on %1")
                     .arg(bound.arg(address.toString(), QString::number(m_server.serverPort()))));
    return Result<bool>::success(true);
}

quint16 StatusHttpServer::port() const
{
    return m_server.serverPort();
}

void StatusHttpServer::setHeadTimeout(std::chrono::milliseconds timeout)
{
    m_headTimeout = timeout;
}

int StatusHttpServer::openConnections() const
{
    return static_cast<int>(m_connections.size());
}

void StatusHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections.size() >= static_cast<size_t>(kMaxConnections)) {
            // Accepting and closing at once tells the client where it stands; leaving it in
            // the kernel's backlog would only make it wait for a timeout.
            if (m_rejectedInBurst++ == 0) {
                emit logLine(QStringLiteral("http: %1 connections open, closing new ones until "
                                            "some finish")
                                 .arg(kMaxConnections));
            }
            socket->close();
            socket->deleteLater();
            continue;
        }
        socket->setReadBufferSize(kReadBufferBytes);
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        // Too slow to send its head, or to take its response: it only holds a slot.
        connect(deadline, &QTimer::timeout, this, [this, socket] {
            socket->abort();
            forget(socket); // in case abort() from a closing state emits no disconnected()
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::bytesWritten, this,
                [this, socket] { onBytesWritten(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
        m_connections.emplace(socket, Connection{{}, deadline, false});
        deadline->start(m_headTimeout);
    }
}

void StatusHttpServer::onReadyRead(QTcpSocket *socket)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end())
        return;
    Connection &connection = found->second;
    if (connection.answered) {
        // Read and drop whatever else it sends: unread bytes at close turn the FIN into a
        // RST, which can destroy the response before the client has read it.
        socket->readAll();
        return;
    }
    connection.received += socket->readAll();
    const HeadParse parse = parseRequestHead(connection.received, kMaxHeadBytes);
    switch (parse.state) {
    case HeadState::Incomplete:
        return;
    case HeadState::TooLarge:
        respond(socket, connection,
                serialize(plainText(431, "Request Header Fields Too Large",
                                    "The request head is limited to " +
                                        QByteArray::number(kMaxHeadBytes / 1024) + " KiB.\n"),
                          true));
        return;
    case HeadState::Malformed:
        respond(socket, connection,
                serialize(plainText(400, "Bad Request", "Not an HTTP/1.x request.\n"), true));
        return;
    case HeadState::Complete:
        respond(socket, connection, answer(parse.head));
        return;
    }
}

QByteArray StatusHttpServer::answer(const HttpRequestHead &head)
{
    const bool isHead = head.method == "HEAD";
    if (head.method != "GET" && !isHead) {
        Response response = plainText(405, "Method Not Allowed",
                                      "This interface is read-only: GET and HEAD only.\n");
        response.extraHeaders = "Allow: GET, HEAD\r\n";
        return serialize(response, true);
    }
    if (head.path == "/status") {
        try {
            const QByteArray json = QJsonDocument(m_provider()).toJson(QJsonDocument::Indented);
            return serialize({200, "OK", "application/json", json, {}}, !isHead);
        } catch (const std::exception &error) {
            // A bug in the provider must cost one response, not the agent.
            emit logLine(QStringLiteral("http: /status failed: %1").arg(error.what()));
            return serialize(plainText(500, "Internal Server Error", "Status unavailable.\n"),
                             !isHead);
        }
    }
    if (head.path == "/metrics") {
        if (!m_metrics) {
            return serialize(plainText(404, "Not Found",
                                       "This server has no metrics; GET /status serves the "
                                       "agent's status as JSON.\n"),
                             !isHead);
        }
        try {
            return serialize({200, "OK", m_metricsContentType, m_metrics(), {}}, !isHead);
        } catch (const std::exception &error) {
            emit logLine(QStringLiteral("http: /metrics failed: %1").arg(error.what()));
            return serialize(plainText(500, "Internal Server Error", "Metrics unavailable.\n"),
                             !isHead);
        }
    }
    return serialize(
        plainText(404, "Not Found", "Not found. This agent serves GET /status and GET /metrics.\n"),
        !isHead);
}

void StatusHttpServer::respond(QTcpSocket *socket, Connection &connection,
                               const QByteArray &response)
{
    connection.answered = true;
    connection.received = QByteArray();
    // From here the deadline bounds how long a client that does not read may hold its slot.
    connection.deadline->start(m_headTimeout);
    // flush() may emit bytesWritten, and so close the socket and forget `connection`, before
    // it returns: nothing here touches either afterwards.
    socket->write(response);
    socket->flush();
}

void StatusHttpServer::onBytesWritten(QTcpSocket *socket)
{
    const auto found = m_connections.find(socket);
    if (found != m_connections.end() && found->second.answered && socket->bytesToWrite() == 0 &&
        socket->state() == QAbstractSocket::ConnectedState) {
        socket->disconnectFromHost();
    }
}

void StatusHttpServer::forget(QTcpSocket *socket)
{
    if (m_connections.erase(socket) == 0)
        return;
    socket->deleteLater();
    if (m_rejectedInBurst > 0 && m_connections.size() < static_cast<size_t>(kMaxConnections)) {
        emit logLine(QStringLiteral("http: accepting connections again (closed %1 while at the "
                                    "limit of %2)")
                         .arg(m_rejectedInBurst)
                         .arg(kMaxConnections));
        m_rejectedInBurst = 0;
    }
}

} // namespace anycast
