#include "agent/http/StatusHttpServer.h"

#include "agent/http/HttpRequestHead.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
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
    , m_admission({kMaxConnections, kMaxConnectionsPerAddress, kDefaultHeadTimeout,
                   kDefaultResponseTimeout})
{
    connect(&m_server, &QTcpServer::newConnection, this, &StatusHttpServer::onNewConnection);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &StatusHttpServer::onDeadline);
}

StatusHttpServer::~StatusHttpServer()
{
    close();
}

void StatusHttpServer::close()
{
    m_deadline.stop();
    // Deleted here, not by the event loop, which may have stopped for good: each socket is
    // cut loose first so that its end reaches nothing of this object.
    for (auto &[socket, connection] : m_connections) {
        m_admission.remove(connection.id);
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
    m_connections.clear();
    m_sockets.clear();
    m_server.close();
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
    m_server.setListenBacklogSize(kListenBacklog);
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
    m_admission.setHeadTimeout(timeout);
}

void StatusHttpServer::setResponseTimeout(std::chrono::milliseconds timeout)
{
    m_admission.setResponseTimeout(timeout);
}

int StatusHttpServer::openConnections() const
{
    return static_cast<int>(m_connections.size());
}

void StatusHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        const ConnectionAdmission::Id id = m_nextId++;
        const ConnectionAdmission::Decision decision =
            m_admission.admit(id, socket->peerAddress(), steadyNow());
        if (decision.verdict != ConnectionAdmission::Verdict::Admitted) {
            refuse(socket, decision.verdict);
            continue;
        }
        if (decision.evicted)
            drop(m_sockets.at(*decision.evicted));
        // Ours from here on: the listener deletes only the connections nobody took.
        socket->setParent(this);
        socket->setReadBufferSize(kReadBufferBytes);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::bytesWritten, this,
                [this, socket] { onBytesWritten(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
        m_connections.emplace(socket, Connection{id, {}, false});
        m_sockets.emplace(id, socket);
    }
    armDeadline();
}

void StatusHttpServer::refuse(QTcpSocket *socket, ConnectionAdmission::Verdict verdict)
{
    // Accepting and closing at once tells the client where it stands; leaving it in the
    // kernel's backlog would only make it wait for a timeout.
    const QHostAddress source = socket->peerAddress();
    socket->close();
    socket->deleteLater();
    // A flood of refusals must not flood the journal.
    const std::optional<quint64> heldBack = m_refusalLog.admit(steadyNow());
    if (!heldBack)
        return;
    const QString why =
        verdict == ConnectionAdmission::Verdict::AddressFull
            ? QStringLiteral("%1 already holds %2 connections, the most one address may")
                  .arg(admissionKey(source).toString())
                  .arg(m_admission.limits().perAddress)
            : QStringLiteral("all %1 connections are answering requests")
                  .arg(m_admission.limits().connections);
    emit logLine(QStringLiteral("http: closed a new connection: %1 (and %2 more since the "
                                "last such line)")
                     .arg(why)
                     .arg(*heldBack));
}

void StatusHttpServer::onDeadline()
{
    // Too slow to send its head, or to take its response: it only holds a slot.
    for (const ConnectionAdmission::Id id : m_admission.takeExpired(steadyNow())) {
        if (const auto found = m_sockets.find(id); found != m_sockets.end())
            drop(found->second);
    }
    armDeadline();
}

void StatusHttpServer::armDeadline()
{
    const std::optional<SteadyTime> next = m_admission.nextDeadline();
    if (!next) {
        m_deadline.stop();
        return;
    }
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - steadyNow());
    m_deadline.start(std::max(wait, std::chrono::milliseconds(0)));
}

void StatusHttpServer::drop(QTcpSocket *socket)
{
    socket->disconnect(this);
    socket->abort();
    forget(socket);
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
    m_admission.answered(connection.id, steadyNow());
    armDeadline();
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
    const auto found = m_connections.find(socket);
    if (found == m_connections.end())
        return;
    m_admission.remove(found->second.id);
    m_sockets.erase(found->second.id);
    m_connections.erase(found);
    socket->disconnect(this);
    socket->deleteLater();
}

} // namespace anycast
