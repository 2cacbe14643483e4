#include "tests/probe/LocalServers.h"

#include <QTcpSocket>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace anycast::probetest {
namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

[[noreturn]] void throwErrno(const char *what)
{
    throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

quint16 localPort(int fd)
{
    sockaddr_in address{};
    socklen_t length = sizeof(address);
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        throwErrno("getsockname");
    return ntohs(address.sin_port);
}

} // namespace

LocalHttpServer::LocalHttpServer(std::optional<int> status, QByteArray extraHeaders)
    : m_status(status)
    , m_extraHeaders(std::move(extraHeaders))
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        throw std::runtime_error("listen: " + m_server.errorString().toStdString());
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            socket->setParent(this);
            serve(socket);
        }
    });
}

QUrl LocalHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

void LocalHttpServer::serve(QTcpSocket *socket)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (!m_status)
        return; // hung: reads nothing, answers nothing
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        const QByteArray head = socket->peek(64 * 1024);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        socket->read(end + 4);
        m_requests.append(head.left(end));
        const QByteArray body = "status " + QByteArray::number(*m_status) + "\n";
        QByteArray response =
            "HTTP/1.1 " + QByteArray::number(*m_status) + ' ' + reasonPhrase(*m_status) + "\r\n";
        if (*m_status != 204)
            response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        response += "Connection: close\r\n" + m_extraHeaders + "\r\n";
        if (*m_status != 204)
            response += body;
        socket->write(response);
        socket->disconnectFromHost();
    });
}

quint16 closedPort()
{
    const FileDescriptor fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd.valid())
        throwErrno("socket");
    const sockaddr_in address = loopback(0);
    if (::bind(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0)
        throwErrno("bind");
    return localPort(fd.get());
}

FullListener::FullListener()
    : m_listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
{
    if (!m_listener.valid())
        throwErrno("socket");
    const sockaddr_in any = loopback(0);
    if (::bind(m_listener.get(), reinterpret_cast<const sockaddr *>(&any), sizeof(any)) != 0)
        throwErrno("bind");
    if (::listen(m_listener.get(), 0) != 0)
        throwErrno("listen");
    m_port = localPort(m_listener.get());

    // Backlog 0 still queues one connection; left unaccepted, it fills the queue.
    m_filler.reset(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!m_filler.valid())
        throwErrno("socket");
    const sockaddr_in target = loopback(m_port);
    if (::connect(m_filler.get(), reinterpret_cast<const sockaddr *>(&target), sizeof(target)) != 0)
        throwErrno("connect");
}

} // namespace anycast::probetest
