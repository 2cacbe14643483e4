#include "tests/api/ApiTestClient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <utility>

namespace anycast::apitest {
namespace {

std::chrono::milliseconds left(const QDeadlineTimer &deadline)
{
    return std::chrono::ceil<std::chrono::milliseconds>(deadline.remainingTimeAsDuration());
}

} // namespace

ApiTestClient::ApiTestClient(const QString &socketPath, int receiveBuffer)
{
    const QByteArray path = QFile::encodeName(socketPath);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= static_cast<qsizetype>(sizeof(address.sun_path))) {
        m_connectError = ENAMETOOLONG;
        return;
    }
    std::memcpy(address.sun_path, path.constData(), static_cast<size_t>(path.size()));
    FileDescriptor fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd.valid()) {
        m_connectError = errno;
        return;
    }
    if (receiveBuffer > 0)
        ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof(receiveBuffer));
    // Bounds a connect() that waits for room in a full backlog, and every send().
    const timeval sendLimit{10, 0};
    ::setsockopt(fd.get(), SOL_SOCKET, SO_SNDTIMEO, &sendLimit, sizeof(sendLimit));
    if (::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        m_connectError = errno;
        return;
    }
    m_fd = std::move(fd);
}

bool ApiTestClient::sendRaw(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (m_fd.valid() && done < bytes.size()) {
        const ssize_t sent = ::send(m_fd.get(), bytes.constData() + done,
                                    static_cast<size_t>(bytes.size() - done), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false;
        done += sent;
    }
    return m_fd.valid();
}

bool ApiTestClient::fill(std::chrono::milliseconds limit)
{
    if (!m_fd.valid() || m_closed)
        return false;
    const QDeadlineTimer deadline(limit);
    for (;;) {
        pollfd wanted{m_fd.get(), POLLIN, 0};
        const int ready = ::poll(&wanted, 1, static_cast<int>(deadline.remainingTime()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return false;
        char chunk[64 * 1024];
        const ssize_t got = ::recv(m_fd.get(), chunk, sizeof(chunk), 0);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got <= 0) {
            m_closed = true; // the end of the stream, or a reset
            return false;
        }
        m_buffer.append(chunk, got);
        return true;
    }
}

std::optional<QByteArray> ApiTestClient::readLine(std::chrono::milliseconds limit)
{
    const QDeadlineTimer deadline(limit);
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline >= 0) {
            QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            return line;
        }
        if (deadline.hasExpired() || !fill(left(deadline)))
            return std::nullopt;
    }
}

std::optional<QJsonObject> ApiTestClient::readMessage(std::chrono::milliseconds limit)
{
    const auto line = readLine(limit);
    if (!line)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(*line);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

QJsonObject ApiTestClient::call(const QString &method, const QJsonObject &params,
                                std::chrono::milliseconds limit)
{
    const qint64 id = m_nextId++;
    if (!sendRaw(requestLine(id, method, params)))
        return {};
    const QDeadlineTimer deadline(limit);
    while (!deadline.hasExpired()) {
        const auto message = readMessage(left(deadline));
        if (!message)
            return {};
        const auto replyId = message->constFind(QStringLiteral("id"));
        if (replyId == message->constEnd()) {
            m_notifications.append(*message);
            continue;
        }
        if (replyId->toInteger(-1) == id || replyId->isNull())
            return *message;
    }
    return {};
}

std::optional<QJsonObject> ApiTestClient::nextNotification(const QString &method,
                                                           std::chrono::milliseconds limit)
{
    while (!m_notifications.isEmpty()) {
        const QJsonObject first = m_notifications.takeFirst();
        if (first.value(QStringLiteral("method")).toString() == method)
            return first;
    }
    const QDeadlineTimer deadline(limit);
    while (!deadline.hasExpired()) {
        const auto message = readMessage(left(deadline));
        if (!message)
            return std::nullopt;
        if (!message->contains(QStringLiteral("id")) &&
            message->value(QStringLiteral("method")).toString() == method) {
            return message;
        }
    }
    return std::nullopt;
}

bool ApiTestClient::waitClosed(std::chrono::milliseconds limit)
{
    const QDeadlineTimer deadline(limit);
    while (!m_closed && !deadline.hasExpired()) {
        m_buffer.clear();
        fill(left(deadline));
    }
    return m_closed;
}

bool ApiTestClient::hasPendingInput() const
{
    if (!m_buffer.isEmpty())
        return true;
    pollfd wanted{m_fd.get(), POLLIN, 0};
    return m_fd.valid() && ::poll(&wanted, 1, 0) > 0;
}

QByteArray requestLine(qint64 id, const QString &method, const QJsonObject &params)
{
    QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        request.insert(QStringLiteral("params"), params);
    return QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n';
}

int errorCode(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt();
}

} // namespace anycast::apitest
