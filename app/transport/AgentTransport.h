#pragma once

#include "app/transport/ConnectionState.h"
#include "app/transport/LivenessCheck.h"
#include "app/transport/ReconnectBackoff.h"

#include <QIODevice>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace anycast {

// A byte stream to one agent's API socket, kept up: it connects, reconnects with back-off
// when the stream is lost, and says at every moment what it is doing and why
// (ConnectionState). The protocol client above reads and writes device() in the UI thread;
// device() is open exactly while the state is Connected, and each connected() starts a new
// stream (nothing of the previous one is left in it). Backends only open and close; the
// retry policy, liveness and state live here.
class AgentTransport : public QObject
{
    Q_OBJECT

public:
    explicit AgentTransport(QObject *parent = nullptr);
    ~AgentTransport() override;

    virtual QIODevice *device() = 0;
    // "noc@fra-1:22 /run/anycast-agent/api.sock", for messages.
    virtual QString endpoint() const = 0;

    void start();
    // Closes the stream and stops retrying.
    void stop();
    // Tries again now: also after a refused host key or denied login, which never retry
    // by themselves (the operator fixes known_hosts or authorized_keys first).
    void reconnectNow();
    // The layer above saw the agent stop answering: drop the stream and reconnect.
    void declareDead(const QString &reason);

    // While connected, `ping` is called every `interval` without news from the agent; if
    // nothing arrives within `deadline` after a ping, the link is declared dead. Anything
    // read from device() counts as news, and so does noteAlive().
    void setLivenessProbe(std::function<void()> ping, std::chrono::milliseconds interval,
                          std::chrono::milliseconds deadline);
    void noteAlive();

    const ConnectionState &state() const { return m_state; }
    // Tests shorten the waits.
    void setBackoff(ReconnectBackoff backoff) { m_backoff = std::move(backoff); }

signals:
    void stateChanged(const anycast::ConnectionState &state);
    void connected();
    void disconnected();

protected:
    // Start one connection attempt; report with the functions below.
    virtual void openConnection() = 0;
    // End the attempt or the stream at once; nothing is reported afterwards.
    virtual void closeConnection() = 0;

    void reportProgress(ConnectionPhase phase, const QString &reason = {},
                        const HostKeyReport &hostKey = {});
    void reportConnected();
    // An attempt failed; `retry` says whether trying again later can help by itself.
    void reportFailed(ConnectionPhase phase, const QString &reason, bool retry,
                      const HostKeyReport &hostKey = {});
    // The stream was lost after reportConnected().
    void reportLost(const QString &reason);

private:
    void setState(ConnectionState state);
    void attempt();
    void leaveConnected();
    void checkLiveness();
    void armLiveness();
    bool answerMayBeWaiting(std::chrono::steady_clock::time_point now);

    ConnectionState m_state;
    ReconnectBackoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_livenessTimer;
    std::optional<LivenessCheck> m_liveness;
    std::function<void()> m_ping;
    std::chrono::steady_clock::time_point m_livenessDueAt{};
    bool m_secondLook = false;
    QMetaObject::Connection m_readyReadConnection;
    bool m_running = false;
};

} // namespace anycast
