#pragma once

#include "agent/bgp/ExabgpCommands.h"
#include "agent/support/SteadyTime.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <deque>
#include <optional>

namespace anycast {

// What the agent wants announced versus what ExaBGP has acknowledged, per prefix, and the
// fewest commands that converge the two. Pure and clock-injected: the socket to the bridge
// lives in BgpBridgeServer. ExaBGP acknowledges commands in order ("done" / "error"), so
// acks are matched to commands first in, first out.
//
// Everything on the bridge's connection is untrusted: ExaBGP relays what its peers and its
// configuration say. Neighbor sessions are tracked only for IP addresses in ExaBGP's three
// states, at most kMaxNeighbors of them (a node has a handful; a flood of made-up peers is
// counted and dropped, never stored), and a "#bridge hello" counts only as the first line of
// a connection, which only the bridge itself writes.
class BgpController
{
public:
    static constexpr int kMaxNeighbors = 64;

    struct PrefixStatus
    {
        QString prefix;
        QString desiredCommand;      // what converged means
        QString acknowledgedCommand; // what ExaBGP last accepted; empty = unknown
        bool inFlight = false;
        int failures = 0;                  // consecutive "error" acks
        std::optional<SteadyTime> retryAt; // backoff after an error
        QString lastError;
    };

    explicit BgpController(ExabgpCommands commands);

    // The complete desired state: every prefix of every service. Prefixes no longer listed
    // are withdrawn.
    void setDesired(const QList<PrefixDecision> &decisions);

    // A bridge connected: ExaBGP's state is unknown (it may have restarted), so the whole
    // desired state is sent again, and the neighbors are forgotten: the bridge replays the
    // state of each one ExaBGP has right after its hello.
    void onConnected();
    // Nobody reports the sessions any more: each neighbor's state becomes "unknown".
    void onDisconnected();
    bool connected() const { return m_connected; }

    // Commands to write now, in order. Each is in flight until its ack.
    QStringList takeCommands(SteadyTime now);
    // What a line from the bridge meant, for the log.
    struct LineOutcome
    {
        enum class Kind
        {
            Ignored,
            Acknowledged,
            Rejected,
            BridgeHello,
            NeighborState,
            NeighborRefused, // a state event that is not stored (detail: why)
            NotFromBridge,   // a '#' line after the first: not the bridge's own
        };
        Kind kind = Kind::Ignored;
        QString detail; // the rejected command, the hello, "PEER STATE", why ignored
    };
    // A line from the bridge: "done", "error", JSON events, "#bridge ..." notices.
    LineOutcome onLine(const QString &line, SteadyTime now);

    const QHash<QString, PrefixStatus> &prefixes() const { return m_prefixes; }
    // BGP session state per neighbor address, from ExaBGP's neighbor-changes events: "up",
    // "connected", "down", or "unknown" while no bridge is connected.
    const QHash<QString, QString> &neighbors() const { return m_neighbors; }
    // State events not stored: malformed, or for neighbors beyond kMaxNeighbors.
    quint64 neighborEventsIgnored() const { return m_neighborEventsIgnored; }
    QString bridgeHello() const { return m_bridgeHello; }
    quint64 errors() const { return m_errorAcks; }

    static std::chrono::milliseconds backoff(int failures);

private:
    LineOutcome onAck(bool ok, SteadyTime now);
    LineOutcome onEvent(const QJsonObject &event);

    ExabgpCommands m_commands;
    QHash<QString, PrefixStatus> m_prefixes;
    QStringList m_order; // prefixes in the order they were first desired
    struct Sent
    {
        QString prefix;
        QString command;
    };
    std::deque<Sent> m_inFlight; // every command awaiting its ack, oldest first
    QHash<QString, QString> m_neighbors;
    quint64 m_neighborEventsIgnored = 0;
    QString m_bridgeHello;
    bool m_connected = false;
    bool m_awaitingHello = false; // no line yet on this connection
    quint64 m_errorAcks = 0;
};

} // namespace anycast
