#pragma once

#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>

namespace anycast {

// Where the console's link to one agent stands, as the fleet tree shows it. The transport's
// owner reports the phases up to Connected (and every way of losing it); NodeSession adds
// what only the protocol can tell: the greeting in progress and a version mismatch.
enum class LinkPhase
{
    Connecting,             // opening the stream, or greeting the agent on it
    Connected,              // hello answered, subscribed: data flows
    Reconnecting,           // lost; the next attempt is at retryAt
    Unreachable,            // the host did not answer; retrying at retryAt
    HostKeyUnknown,         // waiting for the operator to accept or refuse the host key
    HostKeyRefused,         // the host key changed or is of another type: nothing was sent
    PermissionDenied,       // no key was accepted, or the agent's socket is closed to us
    AgentSocketUnreachable, // logged in, but the agent's socket could not be opened
    ProtocolMismatch,       // the agent speaks another API version: nothing is read from it
};

inline constexpr int kLinkPhaseCount = 9;

struct LinkStatus
{
    using Clock = std::chrono::steady_clock;

    LinkPhase phase = LinkPhase::Connecting;
    QString reason;                           // plain words; may be empty when connected
    std::optional<Clock::time_point> retryAt; // a next attempt is scheduled

    // Data can be trusted as current only while connected.
    bool isConnected() const { return phase == LinkPhase::Connected; }
    // Seconds until the next attempt, rounded up; nullopt when none is scheduled.
    std::optional<qint64> retryInSeconds(Clock::time_point now) const;

    bool operator==(const LinkStatus &) const = default;
};

// A stable machine name ("connecting", "host-key-refused", ...) for logs and filters.
QString linkPhaseName(LinkPhase phase);

} // namespace anycast

Q_DECLARE_METATYPE(anycast::LinkStatus)
