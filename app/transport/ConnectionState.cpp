#include "app/transport/ConnectionState.h"

#include <QStringList>

#include <cmath>

namespace anycast {

QString HostKeyReport::describe() const
{
    QString text =
        QStringLiteral("%1%2 presents %3 key %4")
            .arg(isJumpHost ? QStringLiteral("jump host ") : QString(), host, keyType, fingerprint);
    QStringList lines;
    for (const KnownHostsEntry &entry : recorded) {
        lines.append(QStringLiteral("%1 %2 at %3:%4")
                         .arg(entry.keyType, entry.fingerprint, entry.file)
                         .arg(entry.line));
    }
    if (!lines.isEmpty())
        text += QStringLiteral("; known_hosts has ") + lines.join(QStringLiteral(", "));
    return text;
}

QString ConnectionState::phaseName(ConnectionPhase phase)
{
    switch (phase) {
    case ConnectionPhase::Idle:
        return QStringLiteral("idle");
    case ConnectionPhase::Connecting:
        return QStringLiteral("connecting");
    case ConnectionPhase::Connected:
        return QStringLiteral("connected");
    case ConnectionPhase::Reconnecting:
        return QStringLiteral("reconnecting");
    case ConnectionPhase::Unreachable:
        return QStringLiteral("unreachable");
    case ConnectionPhase::HostKeyUnknown:
        return QStringLiteral("host-key-unknown");
    case ConnectionPhase::HostKeyRefused:
        return QStringLiteral("host-key-refused");
    case ConnectionPhase::PermissionDenied:
        return QStringLiteral("permission-denied");
    case ConnectionPhase::AgentSocketUnreachable:
        return QStringLiteral("agent-socket-unreachable");
    }
    return QStringLiteral("idle");
}

QString ConnectionState::summary(Clock::time_point now) const
{
    QString retry;
    if (retryAt) {
        const auto left = std::chrono::duration<double>(*retryAt - now).count();
        retry = QStringLiteral("%1 s").arg(std::max<qint64>(0, std::llround(std::ceil(left))));
    }
    switch (phase) {
    case ConnectionPhase::Idle:
        return QStringLiteral("idle");
    case ConnectionPhase::Connecting:
        return reason.isEmpty() ? QStringLiteral("connecting")
                                : QStringLiteral("connecting: %1").arg(reason);
    case ConnectionPhase::Connected:
        return QStringLiteral("connected");
    case ConnectionPhase::Reconnecting:
        return retry.isEmpty() ? QStringLiteral("reconnecting")
                               : QStringLiteral("reconnecting in %1 (%2)").arg(retry, reason);
    case ConnectionPhase::HostKeyUnknown:
        return QStringLiteral("host key unknown, awaiting decision: %1").arg(hostKey.describe());
    case ConnectionPhase::HostKeyRefused:
        return QStringLiteral("host key refused: %1").arg(reason);
    case ConnectionPhase::PermissionDenied:
        return QStringLiteral("permission denied: %1").arg(reason);
    case ConnectionPhase::Unreachable:
    case ConnectionPhase::AgentSocketUnreachable:
        if (retry.isEmpty())
            return reason;
        return QStringLiteral("%1 (retrying in %2)").arg(reason, retry);
    }
    return reason;
}

} // namespace anycast
