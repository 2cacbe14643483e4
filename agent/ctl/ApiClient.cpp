#include "ApiClient.h"

#include "StrictJson.h"

#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <grp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace anycast {
namespace {

using Clock = std::chrono::steady_clock;

// Far above any reply the agent sends (history of an hour is a few MiB), low enough that a
// peer which never sends a newline cannot take all memory.
constexpr qsizetype kMaxReplyLineBytes = 256 * 1024 * 1024;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(static_cast<double>(duration.count()) / 1000.0, 'g', 6);
}

TransportError protocolError(const QString &what, const QByteArray &line)
{
    constexpr qsizetype kExcerpt = 120;
    QString excerpt = QString::fromUtf8(line.left(kExcerpt)).simplified();
    if (line.size() > kExcerpt)
        excerpt += QStringLiteral("...");
    return {TransportFailure::Protocol,
            QStringLiteral("protocol error: %1: %2").arg(what, excerpt)};
}

// EACCES on connect: the socket's mode or a folder on the way. Naming the socket's group
// tells the user what to ask for.
QString permissionMessage(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return QStringLiteral("permission denied on %1: a folder above it is closed to you (%2)")
            .arg(path, systemError(errno));
    }
    const group *entry = ::getgrgid(info.st_gid);
    const QString name = entry ? QString::fromLocal8Bit(entry->gr_name)
                               : QString::number(static_cast<qulonglong>(info.st_gid));
    return QStringLiteral("permission denied on %1: you must be in group %2").arg(path, name);
}

} // namespace

ApiClient::ApiClient(std::chrono::milliseconds timeout)
    : m_timeout(timeout)
{}

ApiClient::~ApiClient()
{
    if (m_socket >= 0)
        ::close(m_socket);
}

std::optional<TransportError> ApiClient::connectTo(const QString &path)
{
    m_path = path;
    const QByteArray encoded = QFile::encodeName(path);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (encoded.isEmpty() || static_cast<size_t>(encoded.size()) >= sizeof(address.sun_path)) {
        return TransportError{TransportFailure::System,
                              QStringLiteral("%1 is not a usable socket path (1 to %2 bytes)")
                                  .arg(path)
                                  .arg(sizeof(address.sun_path) - 1)};
    }
    std::memcpy(address.sun_path, encoded.constData(), static_cast<size_t>(encoded.size()));
    m_socket = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_socket < 0)
        return TransportError{TransportFailure::System, systemError(errno)};
    // connect() waits while the agent's backlog is full, and send() while it does not read:
    // both are bounded by the same timeout as the replies.
    const timeval limit{static_cast<time_t>(m_timeout.count() / 1000),
                        static_cast<suseconds_t>((m_timeout.count() % 1000) * 1000)};
    ::setsockopt(m_socket, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof(limit));
    if (::connect(m_socket, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0)
        return std::nullopt;
    const int error = errno;
    ::close(m_socket);
    m_socket = -1;
    switch (error) {
    case ENOENT:
    case ENOTDIR:
        return TransportError{
            TransportFailure::NotRunning,
            QStringLiteral("the agent is not running (no socket at %1)").arg(path)};
    case ECONNREFUSED:
        return TransportError{TransportFailure::Refused,
                              QStringLiteral("the agent refused the connection at %1: is "
                                             "anycast-agent running?")
                                  .arg(path)};
    case EACCES:
    case EPERM:
        return TransportError{TransportFailure::PermissionDenied, permissionMessage(path)};
    case EAGAIN:
    case EINPROGRESS:
        return TransportError{TransportFailure::Timeout,
                              QStringLiteral("the agent at %1 did not accept the connection "
                                             "within %2 s")
                                  .arg(path, seconds(m_timeout))};
    default:
        return TransportError{
            TransportFailure::System,
            QStringLiteral("cannot connect to %1: %2").arg(path, systemError(error))};
    }
}

std::optional<TransportError> ApiClient::sendAll(const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t written = ::send(m_socket, bytes.constData() + sent,
                                       static_cast<size_t>(bytes.size() - sent), MSG_NOSIGNAL);
        if (written >= 0) {
            sent += written;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return TransportError{TransportFailure::Timeout,
                                  QStringLiteral("the agent at %1 did not read the request "
                                                 "within %2 s")
                                      .arg(m_path, seconds(m_timeout))};
        }
        if (errno == EPIPE || errno == ECONNRESET) {
            return TransportError{TransportFailure::Closed,
                                  QStringLiteral("the agent closed the connection")};
        }
        return TransportError{TransportFailure::System, systemError(errno)};
    }
    return std::nullopt;
}

std::variant<QByteArray, TransportError> ApiClient::nextLine(std::chrono::milliseconds timeout,
                                                             int interruptFd)
{
    const bool unbounded = timeout.count() < 0;
    const Clock::time_point deadline = Clock::now() + timeout;
    for (;;) {
        for (qsizetype newline; (newline = m_buffer.indexOf('\n')) >= 0;) {
            QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            if (!line.trimmed().isEmpty())
                return line;
        }
        if (m_buffer.size() > kMaxReplyLineBytes)
            return protocolError(QStringLiteral("a line longer than 256 MiB"), m_buffer);
        int wait = -1;
        if (!unbounded) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            wait = static_cast<int>(std::clamp<qint64>(left.count(), 0, INT_MAX));
        }
        pollfd descriptors[2] = {{m_socket, POLLIN, 0}, {interruptFd, POLLIN, 0}};
        const int ready = ::poll(descriptors, interruptFd >= 0 ? 2 : 1, wait);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return TransportError{TransportFailure::System, systemError(errno)};
        if (ready == 0) {
            return TransportError{TransportFailure::Timeout,
                                  QStringLiteral("no reply from the agent at %1 within %2 s")
                                      .arg(m_path, seconds(m_timeout))};
        }
        if (interruptFd >= 0 && descriptors[1].revents != 0)
            return TransportError{TransportFailure::Interrupted, QStringLiteral("interrupted")};
        char chunk[64 * 1024];
        const ssize_t received = ::recv(m_socket, chunk, sizeof(chunk), 0);
        if (received > 0) {
            m_buffer.append(chunk, received);
            continue;
        }
        if (received < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (received == 0 || errno == ECONNRESET) {
            return TransportError{TransportFailure::Closed,
                                  QStringLiteral("the agent closed the connection")};
        }
        return TransportError{TransportFailure::System, systemError(errno)};
    }
}

ApiClient::Line ApiClient::parseLine(const QByteArray &line)
{
    const StrictJsonResult parsed = StrictJson::parseObject(line);
    if (!parsed.ok()) {
        return protocolError(QStringLiteral("the agent sent a line that is not a strict JSON "
                                            "object (%1)")
                                 .arg(parsed.problem->toString()),
                             line);
    }
    const QJsonObject object = parsed.document.object();
    if (object.value(QStringLiteral("jsonrpc")) != QLatin1String("2.0"))
        return protocolError(QStringLiteral("a line without \"jsonrpc\": \"2.0\""), line);
    if (object.contains(QStringLiteral("id"))) {
        const QJsonValue id = object.value(QStringLiteral("id"));
        const QJsonValue result = object.value(QStringLiteral("result"));
        const QJsonValue rpcError = object.value(QStringLiteral("error"));
        if (!result.isUndefined() && rpcError.isUndefined())
            return Reply{id, result};
        const QJsonObject errorObject = rpcError.toObject();
        const QJsonValue code = errorObject.value(QStringLiteral("code"));
        const QJsonValue message = errorObject.value(QStringLiteral("message"));
        if (result.isUndefined() && code.isDouble() && message.isString()) {
            return Reply{id, RpcError{static_cast<int>(code.toInteger()), message.toString(),
                                      errorObject.value(QStringLiteral("data"))}};
        }
        return protocolError(QStringLiteral("a reply with neither a result nor a valid error"),
                             line);
    }
    const QJsonValue method = object.value(QStringLiteral("method"));
    const QJsonValue params = object.value(QStringLiteral("params"));
    if (method.isString() && (params.isObject() || params.isUndefined()))
        return ApiNotification{method.toString(), params.toObject()};
    return protocolError(QStringLiteral("a line that is neither a reply nor a notification"), line);
}

ApiClient::CallResult ApiClient::call(const QString &method, const QJsonObject &params)
{
    const qint64 id = m_nextId++;
    QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        request.insert(QStringLiteral("params"), params);
    if (auto failed = sendAll(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n'))
        return *failed;
    const Clock::time_point deadline = Clock::now() + m_timeout;
    for (;;) {
        const auto left = std::max(
            std::chrono::milliseconds(0),
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
        auto next = nextLine(left, -1);
        if (auto *failed = std::get_if<TransportError>(&next))
            return *failed;
        const QByteArray &line = std::get<QByteArray>(next);
        Line parsed = parseLine(line);
        if (auto *failed = std::get_if<TransportError>(&parsed))
            return *failed;
        if (auto *notification = std::get_if<ApiNotification>(&parsed)) {
            m_pending.append(std::move(*notification));
            continue;
        }
        const Reply &reply = std::get<Reply>(parsed);
        // A null id answers a line the agent could not read, or refuses the connection
        // (too many clients): either way it is the answer to this call.
        const bool ours = reply.id.isDouble() && reply.id.toInteger() == id;
        if (ours || reply.id.isNull()) {
            if (const auto *rpcError = std::get_if<RpcError>(&reply.outcome))
                return *rpcError;
            if (ours)
                return std::get<QJsonValue>(reply.outcome);
        }
        return protocolError(QStringLiteral("a reply to a request never sent"), line);
    }
}

ApiClient::NotificationResult ApiClient::readNotification(std::chrono::milliseconds timeout,
                                                          int interruptFd)
{
    if (!m_pending.isEmpty())
        return m_pending.takeFirst();
    auto next = nextLine(timeout, interruptFd);
    if (auto *failed = std::get_if<TransportError>(&next))
        return *failed;
    const QByteArray &line = std::get<QByteArray>(next);
    Line parsed = parseLine(line);
    if (auto *failed = std::get_if<TransportError>(&parsed))
        return *failed;
    if (auto *notification = std::get_if<ApiNotification>(&parsed))
        return std::move(*notification);
    // Between calls the agent only speaks to say goodbye (a client that fell too far behind,
    // say); anything else is a reply nobody asked for.
    const Reply &reply = std::get<Reply>(parsed);
    if (const auto *rpcError = std::get_if<RpcError>(&reply.outcome); rpcError && reply.id.isNull())
        return TransportError{TransportFailure::Closed, rpcError->message};
    return protocolError(QStringLiteral("a reply while no request was waiting"), line);
}

} // namespace anycast
