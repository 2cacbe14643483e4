#include "app/transport/SshSessionSetup.h"

#include "app/transport/JumpHost.h"
#include "app/transport/KnownHostsFile.h"
#include "app/transport/ProxyRoute.h"
#include "app/transport/SshNetworkCore.h"
#include "app/transport/TcpConnector.h"

#include <cstring>

namespace anycast {
namespace {

using namespace std::chrono_literals;

constexpr auto kTcpTimeout = 10s;
constexpr long kSshStepTimeoutSeconds = 15;

QString optionText(ssh_session session, ssh_options_e option)
{
    char *value = nullptr;
    if (ssh_options_get(session, option, &value) != SSH_OK || !value)
        return {};
    const QString text = QString::fromUtf8(value);
    ssh_string_free_char(value);
    return text;
}

QString sshError(ssh_session session)
{
    return QString::fromUtf8(ssh_get_error(session));
}

struct OfferedKey
{
    QString type;
    QString fingerprint;
};

OfferedKey offeredKey(ssh_session session)
{
    OfferedKey offered;
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK)
        return offered;
    offered.type = QString::fromUtf8(ssh_key_type_to_char(ssh_key_type(key)));
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) == SSH_OK) {
        char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
        offered.fingerprint = QString::fromUtf8(text);
        ssh_string_free_char(text);
        ssh_clean_pubkey_hash(&hash);
    }
    ssh_key_free(key);
    return offered;
}

} // namespace

SshSessionSetup::SshSessionSetup(std::shared_ptr<SshNetworkCore> core,
                                 std::shared_ptr<CancelToken> cancel, Progress progress)
    : m_core(std::move(core))
    , m_cancel(std::move(cancel))
    , m_progress(std::move(progress))
{}

SshSessionSetup::Outcome SshSessionSetup::open(const SshTarget &target)
{
    Outcome outcome;
    auto session = std::make_unique<SshSession>(m_cancel);
    if (!session->handle()) {
        outcome.failure.reason = QStringLiteral("libssh could not create a session");
        return outcome;
    }
    if (!configure(*session, target, outcome.failure) ||
        !connectRoute(*session, target, outcome.failure) ||
        !verifyHostKey(*session, target, outcome.failure) ||
        !authenticate(*session, outcome.failure)) {
        if (m_cancel->isCancelled())
            outcome.failure.reason = QStringLiteral("cancelled");
        return outcome;
    }
    outcome.session = std::move(session);
    return outcome;
}

bool SshSessionSetup::configure(SshSession &session, const SshTarget &target, SshFailure &failure)
{
    ssh_session handle = session.handle();
    const int quiet = SSH_LOG_NOLOG;
    ssh_options_set(handle, SSH_OPTIONS_LOG_VERBOSITY, &quiet);
    // Before the config, so that its ConnectTimeout wins.
    const long timeout = kSshStepTimeoutSeconds;
    ssh_options_set(handle, SSH_OPTIONS_TIMEOUT, &timeout);
    ssh_options_set(handle, SSH_OPTIONS_HOST, target.destination.host.toUtf8().constData());
    const QByteArray configFile = target.sshConfig.toUtf8();
    if (ssh_options_parse_config(
            handle, target.sshConfig.isEmpty() ? nullptr : configFile.constData()) != 0) {
        failure.reason = QStringLiteral("cannot use ssh_config %1: %2")
                             .arg(target.sshConfig.isEmpty() ? QStringLiteral("(default files)")
                                                             : target.sshConfig,
                                  sshError(handle));
        failure.retry = false;
        return false;
    }
    const bool processAgain = false;
    ssh_options_set(handle, SSH_OPTIONS_PROCESS_CONFIG, &processAgain);
    // What the inventory says explicitly beats ssh_config, as on ssh's command line.
    if (!target.destination.user.isEmpty())
        ssh_options_set(handle, SSH_OPTIONS_USER, target.destination.user.toUtf8().constData());
    if (target.destination.port != 0) {
        const unsigned int port = target.destination.port;
        ssh_options_set(handle, SSH_OPTIONS_PORT, &port);
    }
    unsigned int port = 22;
    ssh_options_get_port(handle, &port);
    m_port = static_cast<int>(port);
    m_user = optionText(handle, SSH_OPTIONS_USER);
    session.m_host = optionText(handle, SSH_OPTIONS_HOST);
    session.m_name =
        QStringLiteral("%1%2:%3")
            .arg(m_user.isEmpty() ? QString() : m_user + QLatin1Char('@'), session.m_host)
            .arg(m_port);
    return true;
}

bool SshSessionSetup::connectRoute(SshSession &session, const SshTarget &target,
                                   SshFailure &failure)
{
    ssh_session handle = session.handle();
    QList<SshDestination> hops;
    if (target.via) {
        hops = *target.via;
    } else {
        const auto route =
            ProxyRoute::fromProxyCommand(optionText(handle, SSH_OPTIONS_PROXYCOMMAND));
        if (!route) {
            failure.reason = route.error();
            failure.retry = false;
            return false;
        }
        if (route->kind == ProxyRoute::Kind::Command) {
            failure.reason = QStringLiteral("%1: ProxyCommand is not supported (%2); use "
                                            "ProxyJump in ssh_config")
                                 .arg(session.name(), route->command);
            failure.retry = false;
            return false;
        }
        hops = route->hops;
    }

    int fd = -1;
    if (!hops.isEmpty()) {
        if (target.depth >= kMaxJumpDepth) {
            failure.reason = QStringLiteral("%1: more than %2 jump hosts (a ProxyJump loop?)")
                                 .arg(session.name())
                                 .arg(kMaxJumpDepth);
            failure.retry = false;
            return false;
        }
        SshTarget hop;
        hop.destination = hops.last();
        hop.sshConfig = target.sshConfig;
        // The first hop is reached as its own ssh_config says; later ones through the hops
        // before them, as ssh -J does.
        if (hops.size() > 1)
            hop.via = hops.mid(0, hops.size() - 1);
        hop.depth = target.depth + 1;
        hop.isJumpHost = true;
        m_progress(ConnectionPhase::Connecting,
                   QStringLiteral("through jump host %1").arg(hop.destination.toString()), {});
        const std::shared_ptr<JumpHost> jumpHost = m_core->jumpHost(hop);
        JumpHost::TunnelOutcome tunnel =
            jumpHost->openTunnel(session.host(), static_cast<quint16>(m_port), m_cancel);
        if (tunnel.socket < 0) {
            failure = tunnel.failure;
            return false;
        }
        fd = tunnel.socket;
        session.m_jumpHost = jumpHost;
    } else {
        const Result<int> connected =
            connectTcp(session.host(), static_cast<quint16>(m_port), *m_cancel, kTcpTimeout);
        if (!connected) {
            failure.reason = connected.error();
            return false;
        }
        fd = connected.value();
    }
    session.m_socket = fd;
    m_cancel->setAbortSocket(fd);
    ssh_options_set(handle, SSH_OPTIONS_FD, &fd);
    m_progress(ConnectionPhase::Connecting, QStringLiteral("SSH handshake"), {});
    if (ssh_connect(handle) != SSH_OK) {
        failure.reason =
            QStringLiteral("%1: SSH handshake failed: %2").arg(session.name(), sshError(handle));
        return false;
    }
    return true;
}

bool SshSessionSetup::verifyHostKey(SshSession &session, const SshTarget &target,
                                    SshFailure &failure)
{
    ssh_session handle = session.handle();
    const OfferedKey offered = offeredKey(handle);
    HostKeyReport report;
    report.host = KnownHostsFile::hostPort(session.host(), m_port);
    report.keyType = offered.type;
    report.fingerprint = offered.fingerprint;
    report.knownHostsFile = optionText(handle, SSH_OPTIONS_KNOWNHOSTS);
    report.isJumpHost = target.isJumpHost;
    failure.hostKey = report;
    failure.phase = ConnectionPhase::HostKeyRefused;
    failure.retry = false;
    const auto record = [&] {
        if (ssh_session_update_known_hosts(handle) == SSH_OK)
            return true;
        failure.reason =
            QStringLiteral("cannot write %1: %2").arg(report.knownHostsFile, sshError(handle));
        return false;
    };

    switch (ssh_session_is_known_server(handle)) {
    case SSH_KNOWN_HOSTS_OK:
        // libssh also answers OK for an unknown host under "StrictHostKeyChecking no"; ssh
        // then records the key, and so does the console.
        return ssh_session_has_known_hosts_entry(handle) == SSH_KNOWN_HOSTS_OK || record();
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: {
        for (const QString &file :
             {report.knownHostsFile, optionText(handle, SSH_OPTIONS_GLOBAL_KNOWNHOSTS)}) {
            if (!file.isEmpty())
                report.recorded += KnownHostsFile::entriesInFile(report.host, file);
        }
        failure.hostKey = report;
        failure.reason = QStringLiteral("the host key of %1 does not match known_hosts; this "
                                        "may be an attack. %2. Check with the host's "
                                        "administrator, then fix the line in known_hosts.")
                             .arg(report.host, report.describe());
        return false;
    }
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND: {
        m_progress(ConnectionPhase::HostKeyUnknown, {}, report);
        if (!m_core->askHostKey(report, m_cancel)) {
            failure.reason = QStringLiteral("the host key of %1 (%2 %3) was not accepted")
                                 .arg(report.host, report.keyType, report.fingerprint);
            return false;
        }
        if (!record())
            return false;
        m_progress(ConnectionPhase::Connecting, QStringLiteral("host key recorded"), {});
        return true;
    }
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    failure.reason =
        QStringLiteral("cannot check the host key of %1: %2").arg(report.host, sshError(handle));
    return false;
}

bool SshSessionSetup::authenticate(SshSession &session, SshFailure &failure)
{
    ssh_session handle = session.handle();
    m_progress(ConnectionPhase::Connecting, QStringLiteral("authenticating"), {});
    session.m_callbacks = {};
    session.m_callbacks.userdata = this;
    session.m_callbacks.auth_function = &SshSessionSetup::passphraseCallback;
    ssh_callbacks_init(&session.m_callbacks);
    ssh_set_callbacks(handle, &session.m_callbacks);
    m_authenticating = &session;
    const int result = ssh_userauth_publickey_auto(handle, nullptr, nullptr);
    m_authenticating = nullptr;
    // libssh keeps a pointer to the callbacks; this setup object does not outlive open().
    session.m_callbacks.auth_function = nullptr;
    session.m_callbacks.userdata = nullptr;
    if (result == SSH_AUTH_SUCCESS)
        return true;
    if (result == SSH_AUTH_ERROR) {
        failure.reason =
            QStringLiteral("%1: authentication failed: %2").arg(session.name(), sshError(handle));
        failure.retry = true;
        return false;
    }
    failure.phase = ConnectionPhase::PermissionDenied;
    failure.reason = QStringLiteral("%1 accepted none of the keys (ssh-agent and the "
                                    "IdentityFile keys were tried)")
                         .arg(session.name());
    failure.retry = false;
    return false;
}

int SshSessionSetup::passphraseCallback(const char *, char *buffer, size_t length, int, int,
                                        void *userdata)
{
    auto *self = static_cast<SshSessionSetup *>(userdata);
    if (!self || !self->m_authenticating || length == 0)
        return -1;
    PassphraseQuestion question;
    char *identity = nullptr;
    if (ssh_userauth_publickey_auto_get_current_identity(self->m_authenticating->handle(),
                                                         &identity) == SSH_OK &&
        identity) {
        question.keyFile = QString::fromUtf8(identity);
        ssh_string_free_char(identity);
    }
    question.destination = self->m_authenticating->name();
    std::optional<QByteArray> passphrase = self->m_core->askPassphrase(question, self->m_cancel);
    if (!passphrase)
        return -1;
    const bool fits = static_cast<size_t>(passphrase->size()) < length;
    if (fits) {
        std::memcpy(buffer, passphrase->constData(), static_cast<size_t>(passphrase->size()));
        buffer[passphrase->size()] = '\0';
    }
    passphrase->fill('\0');
    return fits ? 0 : -1;
}

} // namespace anycast
