#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>

namespace anycast {

enum class ConnectionPhase
{
    Idle,                   // not started, or stopped
    Connecting,             // TCP, SSH handshake, authentication, channel
    Connected,              // the byte stream is open
    Reconnecting,           // the connection was lost; the next attempt is at retryAt
    Unreachable,            // the host or its sshd did not answer; retrying at retryAt
    HostKeyUnknown,         // waiting for the operator to accept or refuse the key
    HostKeyRefused,         // changed, of another type, or not accepted: nothing was sent
    PermissionDenied,       // no key was accepted
    AgentSocketUnreachable, // logged in, but the agent's socket could not be opened; retrying
};

// One line of a known_hosts file that names the host.
struct KnownHostsEntry
{
    QString file;
    int line = 0;
    QString keyType;     // "ssh-ed25519"
    QString fingerprint; // "SHA256:..."
};

// The host key the server offered and what known_hosts says about the host.
struct HostKeyReport
{
    QString host;                    // as known_hosts names it: "fra-1" or "[192.0.2.7]:2222"
    QString keyType;                 // offered
    QString fingerprint;             // offered, "SHA256:..."
    QString knownHostsFile;          // where an accepted key is written
    QList<KnownHostsEntry> recorded; // the entries that disagree (changed or other type)
    bool isJumpHost = false;

    // "[h]:p presents ssh-ed25519 key SHA256:new; known_hosts has ssh-ed25519 SHA256:old
    // at /home/noc/.ssh/known_hosts:12".
    QString describe() const;
};

struct ConnectionState
{
    using Clock = std::chrono::steady_clock;

    ConnectionPhase phase = ConnectionPhase::Idle;
    QString reason; // plain words; empty for Idle, Connecting and Connected
    std::optional<Clock::time_point> retryAt; // a next attempt is scheduled
    HostKeyReport hostKey;                    // HostKeyUnknown, HostKeyRefused

    // A stable machine name: "connecting", "host-key-refused", ...
    static QString phaseName(ConnectionPhase phase);
    // "reconnecting in 4 s", "unreachable: connection refused (retrying in 8 s)".
    QString summary(Clock::time_point now) const;
};

} // namespace anycast

Q_DECLARE_METATYPE(anycast::ConnectionState)
