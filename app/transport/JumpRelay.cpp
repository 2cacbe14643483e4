#include "app/transport/JumpRelay.h"

#include "app/transport/SshSession.h"

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace anycast {
namespace {

constexpr qsizetype kBufferLimit = 256 * 1024;
constexpr int kChunk = 32 * 1024;

} // namespace

TunnelResult::~TunnelResult()
{
    if (socket >= 0)
        ::close(socket);
}

TunnelRequest::TunnelRequest(QString host, quint16 port, std::shared_ptr<CancelToken> requester)
    : m_host(std::move(host))
    , m_port(port)
    , m_requester(std::move(requester))
    , m_result(std::make_shared<TunnelResult>())
{}

void TunnelRequest::complete(int socket, const SshFailure &failure)
{
    {
        const std::lock_guard lock(m_requester->mutex());
        m_result->done = true;
        m_result->socket = socket;
        m_result->failure = failure;
    }
    m_requester->notify();
}

struct JumpRelay::Tunnel
{
    explicit Tunnel(TunnelRequest r)
        : request(std::move(r))
    {}

    TunnelRequest request;
    ssh_channel channel = nullptr;
    bool open = false;
    int socket = -1; // the jump host's end of the socketpair
    QByteArray toChannel;
    QByteArray toSocket;
    bool socketEof = false;
    bool channelEof = false;
    bool eofSent = false;
};

JumpRelay::JumpRelay(SshSession &session, CancelToken &control, TakeRequests takeRequests)
    : m_session(session)
    , m_control(control)
    , m_takeRequests(std::move(takeRequests))
{}

JumpRelay::~JumpRelay()
{
    for (auto &tunnel : m_tunnels)
        close(*tunnel);
}

void JumpRelay::close(Tunnel &tunnel)
{
    if (tunnel.channel) {
        if (tunnel.open && !ssh_channel_is_closed(tunnel.channel))
            ssh_channel_close(tunnel.channel);
        ssh_channel_free(tunnel.channel);
        tunnel.channel = nullptr;
    }
    if (tunnel.socket >= 0) {
        ::close(tunnel.socket);
        tunnel.socket = -1;
    }
}

void JumpRelay::acceptRequests()
{
    for (TunnelRequest &request : m_takeRequests()) {
        auto tunnel = std::make_unique<Tunnel>(std::move(request));
        tunnel->channel = ssh_channel_new(m_session.handle());
        m_tunnels.push_back(std::move(tunnel));
    }
}

// False once the tunnel is finished with (failed or abandoned).
bool JumpRelay::advanceOpen(Tunnel &tunnel)
{
    if (tunnel.request.abandoned())
        return false;
    SshFailure failure;
    if (!tunnel.channel) {
        failure.reason = QStringLiteral("cannot create a channel");
        tunnel.request.complete(-1, failure);
        return false;
    }
    const int rc =
        ssh_channel_open_forward(tunnel.channel, tunnel.request.host().toUtf8().constData(),
                                 tunnel.request.port(), "127.0.0.1", 0);
    if (rc == SSH_AGAIN)
        return true;
    if (rc != SSH_OK) {
        failure.reason = QStringLiteral("jump host %1 cannot reach %2 port %3: %4")
                             .arg(m_session.name(), tunnel.request.host())
                             .arg(tunnel.request.port())
                             .arg(QString::fromUtf8(ssh_get_error(m_session.handle())));
        tunnel.request.complete(-1, failure);
        return false;
    }
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) != 0) {
        failure.reason =
            QStringLiteral("socketpair: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        tunnel.request.complete(-1, failure);
        return false;
    }
    tunnel.open = true;
    tunnel.socket = pair[0];
    tunnel.request.complete(pair[1], {});
    return true;
}

// False once both directions are done or either side failed.
bool JumpRelay::pump(Tunnel &tunnel)
{
    char buffer[kChunk];
    // Node -> jump host -> target.
    while (!tunnel.socketEof && tunnel.toChannel.size() < kBufferLimit) {
        const ssize_t got = ::read(tunnel.socket, buffer, sizeof buffer);
        if (got > 0) {
            tunnel.toChannel.append(buffer, got);
        } else if (got == 0) {
            tunnel.socketEof = true;
        } else {
            if (errno != EAGAIN && errno != EINTR)
                return false;
            break;
        }
    }
    if (!tunnel.toChannel.isEmpty()) {
        const int sent = ssh_channel_write(tunnel.channel, tunnel.toChannel.constData(),
                                           static_cast<uint32_t>(tunnel.toChannel.size()));
        if (sent == SSH_ERROR)
            return false;
        tunnel.toChannel.remove(0, sent);
    }
    if (tunnel.socketEof && tunnel.toChannel.isEmpty() && !tunnel.eofSent) {
        ssh_channel_send_eof(tunnel.channel);
        tunnel.eofSent = true;
    }
    // Target -> jump host -> node.
    while (!tunnel.channelEof && tunnel.toSocket.size() < kBufferLimit) {
        const int got = ssh_channel_read_nonblocking(tunnel.channel, buffer, sizeof buffer, 0);
        if (got > 0) {
            tunnel.toSocket.append(buffer, got);
        } else if (got == SSH_EOF || (got == 0 && ssh_channel_is_eof(tunnel.channel))) {
            tunnel.channelEof = true;
        } else if (got == SSH_ERROR) {
            return false;
        } else {
            break;
        }
    }
    while (!tunnel.toSocket.isEmpty()) {
        const ssize_t sent = ::send(tunnel.socket, tunnel.toSocket.constData(),
                                    static_cast<size_t>(tunnel.toSocket.size()), MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EAGAIN || errno == EINTR)
                break;
            return false;
        }
        tunnel.toSocket.remove(0, sent);
    }
    if (tunnel.channelEof && tunnel.toSocket.isEmpty())
        ::shutdown(tunnel.socket, SHUT_WR);
    if (ssh_channel_is_closed(tunnel.channel) && tunnel.toSocket.isEmpty())
        return false;
    return !(tunnel.channelEof && tunnel.socketEof && tunnel.toSocket.isEmpty() &&
             tunnel.toChannel.isEmpty());
}

QString JumpRelay::run()
{
    ssh_session session = m_session.handle();
    ssh_set_blocking(session, 0);
    std::vector<pollfd> fds;
    for (;;) {
        if (m_control.isCancelled())
            return QStringLiteral("closed");
        m_control.clearWake();
        acceptRequests();
        bool opening = false;
        for (auto it = m_tunnels.begin(); it != m_tunnels.end();) {
            Tunnel &tunnel = **it;
            const bool keep = tunnel.open ? pump(tunnel) : advanceOpen(tunnel);
            opening = opening || (keep && !tunnel.open);
            if (keep) {
                ++it;
            } else {
                close(tunnel);
                it = m_tunnels.erase(it);
            }
        }
        if (!ssh_is_connected(session))
            return QStringLiteral("the connection was lost: %1")
                .arg(QString::fromUtf8(ssh_get_error(session)));

        fds.clear();
        short sessionEvents = POLLIN;
        if (ssh_get_poll_flags(session) & SSH_WRITE_PENDING)
            sessionEvents |= POLLOUT;
        fds.push_back({ssh_get_fd(session), sessionEvents, 0});
        fds.push_back({m_control.wakeDescriptor(), POLLIN, 0});
        for (const auto &tunnel : m_tunnels) {
            if (!tunnel->open)
                continue;
            short events = 0;
            if (!tunnel->socketEof && tunnel->toChannel.size() < kBufferLimit)
                events |= POLLIN;
            if (!tunnel->toSocket.isEmpty())
                events |= POLLOUT;
            fds.push_back({tunnel->socket, events, 0});
        }
        // Reading one channel makes libssh read the socket for all of them: data for a tunnel
        // served earlier in this pass, or a channel-open reply, may now wait in libssh's
        // buffers with nothing left on the socket to wake poll().
        bool buffered = false;
        for (const auto &tunnel : m_tunnels) {
            if (tunnel->open && tunnel->toSocket.size() < kBufferLimit &&
                ssh_channel_poll(tunnel->channel, 0) > 0)
                buffered = true;
        }
        ::poll(fds.data(), fds.size(), buffered ? 0 : opening ? 50 : 1000);
        if (fds[0].revents & POLLOUT)
            ssh_blocking_flush(session, 0);
    }
}

} // namespace anycast
