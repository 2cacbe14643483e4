#include "app/transport/TcpConnector.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace anycast {
namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// 0 on success, an errno value otherwise (ECANCELED when cancelled).
int connectOne(const addrinfo &address, CancelToken &cancel, std::chrono::milliseconds timeout,
               int *socketOut)
{
    const int fd = ::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                            address.ai_protocol);
    if (fd < 0)
        return errno;
    cancel.setAbortSocket(fd);
    int error = 0;
    if (::connect(fd, address.ai_addr, address.ai_addrlen) != 0) {
        error = errno;
        if (error == EINPROGRESS) {
            pollfd fds[2] = {{fd, POLLOUT, 0}, {cancel.wakeDescriptor(), POLLIN, 0}};
            const int ready = ::poll(fds, 2, static_cast<int>(timeout.count()));
            if (cancel.isCancelled()) {
                error = ECANCELED;
            } else if (ready == 0) {
                error = ETIMEDOUT;
            } else if (ready < 0) {
                error = errno;
            } else {
                socklen_t length = sizeof error;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
            }
        }
    }
    cancel.setAbortSocket(-1);
    if (error != 0) {
        ::close(fd);
        return error;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    *socketOut = fd;
    return 0;
}

} // namespace

Result<int> connectTcp(const QString &host, quint16 port, CancelToken &cancel,
                       std::chrono::milliseconds timeout)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo *addresses = nullptr;
    const QByteArray service = QByteArray::number(port);
    const int resolved =
        ::getaddrinfo(host.toUtf8().constData(), service.constData(), &hints, &addresses);
    if (resolved != 0) {
        return Result<int>::failure(QStringLiteral("cannot resolve %1: %2")
                                        .arg(host, QString::fromLocal8Bit(gai_strerror(resolved))));
    }
    int lastError = EHOSTUNREACH;
    int fd = -1;
    for (const addrinfo *address = addresses; address; address = address->ai_next) {
        lastError = connectOne(*address, cancel, timeout, &fd);
        if (lastError == 0 || lastError == ECANCELED)
            break;
    }
    ::freeaddrinfo(addresses);
    if (lastError == ECANCELED)
        return Result<int>::failure(QStringLiteral("cancelled"));
    if (lastError != 0) {
        return Result<int>::failure(QStringLiteral("cannot connect to %1 port %2: %3")
                                        .arg(host)
                                        .arg(port)
                                        .arg(errnoText(lastError)));
    }
    return Result<int>::success(fd);
}

} // namespace anycast
