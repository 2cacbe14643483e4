#include "app/transport/SshWorker.h"

#include "app/transport/SshNetworkCore.h"
#include "app/transport/SshSession.h"
#include "app/transport/SshSessionSetup.h"

#include <poll.h>

namespace anycast {
namespace {

constexpr int kChunk = 32 * 1024;

void post(SshLink &link, SshLinkEvent::Kind kind, ConnectionPhase phase, QString reason = {},
          HostKeyReport hostKey = {}, bool retry = true)
{
    link.post({kind, phase, std::move(reason), std::move(hostKey), retry});
}

} // namespace

SshWorker::SshWorker(std::shared_ptr<SshNetworkCore> core, std::shared_ptr<SshLink> link,
                     SshTarget target, QString socketPath)
    : m_core(std::move(core))
    , m_link(std::move(link))
    , m_target(std::move(target))
    , m_socketPath(std::move(socketPath))
{}

void SshWorker::run()
{
    SshLink &link = *m_link;
    SshSessionSetup setup(
        m_core, link.sharedControl(),
        [&link](ConnectionPhase phase, const QString &reason, const HostKeyReport &hostKey) {
            post(link, SshLinkEvent::Kind::Progress, phase, reason, hostKey);
        });
    SshSessionSetup::Outcome outcome = setup.open(m_target);
    if (link.control().isCancelled())
        return;
    if (!outcome.session) {
        const SshFailure &failure = outcome.failure;
        post(link, SshLinkEvent::Kind::Failed, failure.phase, failure.reason, failure.hostKey,
             failure.retry);
        return;
    }
    SshSession &session = *outcome.session;
    post(link, SshLinkEvent::Kind::Progress, ConnectionPhase::Connecting,
         QStringLiteral("opening the agent socket"));
    ssh_channel channel = ssh_channel_new(session.handle());
    if (!channel || ssh_channel_open_forward_unix(channel, m_socketPath.toUtf8().constData(),
                                                  "127.0.0.1", 0) != SSH_OK) {
        // sshd answers a missing socket, a dead agent and a forbidden forward alike.
        post(link, SshLinkEvent::Kind::Failed, ConnectionPhase::AgentSocketUnreachable,
             QStringLiteral("cannot reach the agent socket %1 on %2 (the socket is missing, the "
                            "agent is not running, or sshd forbids it: "
                            "AllowStreamLocalForwarding): %3")
                 .arg(m_socketPath, session.host(),
                      QString::fromUtf8(ssh_get_error(session.handle()))));
        if (channel)
            ssh_channel_free(channel);
        return;
    }
    ssh_set_blocking(session.handle(), 0);
    post(link, SshLinkEvent::Kind::Connected, ConnectionPhase::Connected);
    const QString reason = pump(session, channel);
    ssh_channel_close(channel);
    ssh_channel_free(channel);
    if (!link.control().isCancelled())
        post(link, SshLinkEvent::Kind::Lost, ConnectionPhase::Reconnecting, reason);
}

QString SshWorker::pump(SshSession &session, ssh_channel channel)
{
    ssh_session handle = session.handle();
    SshLink &link = *m_link;
    CancelToken &control = link.control();
    QByteArray pending;
    char buffer[kChunk];
    const auto lost = [&] {
        return QStringLiteral("the connection to %1 was lost: %2")
            .arg(session.host(), QString::fromUtf8(ssh_get_error(handle)));
    };
    for (;;) {
        if (control.isCancelled())
            return {};
        control.clearWake();
        pending += link.takeOutbound();
        if (!pending.isEmpty()) {
            const int sent = ssh_channel_write(channel, pending.constData(),
                                               static_cast<uint32_t>(pending.size()));
            if (sent == SSH_ERROR)
                return lost();
            if (sent > 0) {
                pending.remove(0, sent);
                link.confirmWritten(sent);
            }
        }
        // libssh decrypts more than the socket shows: read until it has nothing left.
        while (!link.inboundFull()) {
            const int got = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, 0);
            if (got > 0) {
                link.deliver(buffer, got);
                continue;
            }
            if (got == SSH_EOF)
                return QStringLiteral("the agent closed the connection");
            if (got == SSH_ERROR)
                return lost();
            break;
        }
        if (ssh_channel_is_eof(channel) || ssh_channel_is_closed(channel))
            return QStringLiteral("the agent closed the connection");
        if (!ssh_is_connected(handle))
            return lost();

        short events = POLLIN;
        if (ssh_get_poll_flags(handle) & SSH_WRITE_PENDING)
            events |= POLLOUT;
        pollfd fds[2] = {{ssh_get_fd(handle), events, 0}, {control.wakeDescriptor(), POLLIN, 0}};
        // A full SSH window opens with a packet libssh may already have read: retry soon.
        const int timeout = pending.isEmpty() ? -1 : 100;
        if (::poll(fds, 2, timeout) < 0 && errno != EINTR)
            return lost();
        if (fds[0].revents & POLLOUT)
            ssh_blocking_flush(handle, 0);
        if (fds[0].revents & (POLLHUP | POLLERR)) {
            // The socket is gone: hand over what libssh still holds, then report.
            int got = 0;
            while ((got = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, 0)) > 0)
                link.deliver(buffer, got);
            return got == SSH_EOF ? QStringLiteral("the agent closed the connection") : lost();
        }
    }
}

} // namespace anycast
