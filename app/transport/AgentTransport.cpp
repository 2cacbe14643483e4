#include "app/transport/AgentTransport.h"

#include <QRandomGenerator>

#include <algorithm>

namespace anycast {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// A liveness check this late means the event loop was held up.
constexpr auto kLateCheck = 500ms;
constexpr auto kSecondLook = 200ms;

int timerMilliseconds(Clock::duration duration)
{
    const auto milliseconds = std::chrono::ceil<std::chrono::milliseconds>(duration).count();
    return static_cast<int>(std::clamp<long long>(milliseconds, 0, 24LL * 3600 * 1000));
}

} // namespace

AgentTransport::AgentTransport(QObject *parent)
    : QObject(parent)
    , m_backoff([] { return QRandomGenerator::global()->generateDouble(); })
{
    qRegisterMetaType<anycast::ConnectionState>();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &AgentTransport::attempt);
    m_livenessTimer.setSingleShot(true);
    connect(&m_livenessTimer, &QTimer::timeout, this, &AgentTransport::checkLiveness);
}

AgentTransport::~AgentTransport() = default;

void AgentTransport::start()
{
    if (m_running)
        return;
    m_running = true;
    attempt();
}

void AgentTransport::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_retryTimer.stop();
    closeConnection();
    leaveConnected();
    setState({});
}

void AgentTransport::reconnectNow()
{
    if (!m_running) {
        start();
        return;
    }
    m_retryTimer.stop();
    closeConnection();
    leaveConnected();
    m_backoff.reset();
    attempt();
}

void AgentTransport::declareDead(const QString &reason)
{
    if (m_state.phase != ConnectionPhase::Connected)
        return;
    closeConnection();
    reportLost(reason);
}

void AgentTransport::setLivenessProbe(std::function<void()> ping,
                                      std::chrono::milliseconds interval,
                                      std::chrono::milliseconds deadline)
{
    m_ping = std::move(ping);
    m_liveness.emplace(interval, deadline);
    if (m_state.phase == ConnectionPhase::Connected) {
        m_liveness->start(Clock::now());
        checkLiveness();
    }
}

void AgentTransport::noteAlive()
{
    if (m_liveness && m_state.phase == ConnectionPhase::Connected) {
        m_liveness->alive(Clock::now());
        armLiveness();
    }
}

void AgentTransport::checkLiveness()
{
    if (!m_liveness || m_state.phase != ConnectionPhase::Connected)
        return;
    const auto now = Clock::now();
    switch (m_liveness->due(now)) {
    case LivenessCheck::Action::Dead:
        if (answerMayBeWaiting(now))
            return;
        declareDead(QStringLiteral("no answer from the agent within %1 s")
                        .arg(std::chrono::duration<double>(m_liveness->deadline()).count()));
        return;
    case LivenessCheck::Action::SendPing:
        m_liveness->pingSent(now);
        if (m_ping)
            m_ping();
        break;
    case LivenessCheck::Action::Wait:
        break;
    }
    armLiveness();
}

bool AgentTransport::answerMayBeWaiting(Clock::time_point now)
{
    // A busy UI thread must not be taken for a dead agent: bytes already read into the
    // device, or a check that ran late (the loop was stalled, and the answer may sit in a
    // socket whose notifier has not run yet), earn one short second look.
    QIODevice *stream = device();
    if (stream && stream->bytesAvailable() > 0) {
        noteAlive();
        return true;
    }
    if (!m_secondLook && now - m_livenessDueAt > kLateCheck) {
        m_secondLook = true;
        m_livenessDueAt = now + kSecondLook;
        m_livenessTimer.start(timerMilliseconds(kSecondLook));
        return true;
    }
    return false;
}

void AgentTransport::armLiveness()
{
    m_secondLook = false;
    m_livenessDueAt = m_liveness->nextCheck();
    m_livenessTimer.start(timerMilliseconds(m_livenessDueAt - Clock::now()));
}

void AgentTransport::attempt()
{
    if (!m_running)
        return;
    ConnectionState connecting;
    connecting.phase = ConnectionPhase::Connecting;
    setState(connecting);
    openConnection();
}

void AgentTransport::reportProgress(ConnectionPhase phase, const QString &reason,
                                    const HostKeyReport &hostKey)
{
    if (!m_running)
        return;
    ConnectionState state;
    state.phase = phase;
    state.reason = reason;
    state.hostKey = hostKey;
    setState(state);
}

void AgentTransport::reportConnected()
{
    if (!m_running)
        return;
    m_backoff.connected(Clock::now());
    ConnectionState state;
    state.phase = ConnectionPhase::Connected;
    setState(state);
    if (QIODevice *stream = device()) {
        m_readyReadConnection =
            connect(stream, &QIODevice::readyRead, this, &AgentTransport::noteAlive);
    }
    if (m_liveness) {
        m_liveness->start(Clock::now());
        armLiveness();
    }
    emit connected();
}

void AgentTransport::reportFailed(ConnectionPhase phase, const QString &reason, bool retry,
                                  const HostKeyReport &hostKey)
{
    if (!m_running)
        return;
    leaveConnected();
    ConnectionState state;
    state.phase = phase;
    state.reason = reason;
    state.hostKey = hostKey;
    if (retry) {
        const auto delay = m_backoff.nextDelay();
        state.retryAt = Clock::now() + delay;
        m_retryTimer.start(timerMilliseconds(delay));
    }
    setState(state);
}

void AgentTransport::reportLost(const QString &reason)
{
    if (!m_running)
        return;
    m_backoff.disconnected(Clock::now());
    leaveConnected();
    const auto delay = m_backoff.nextDelay();
    ConnectionState state;
    state.phase = ConnectionPhase::Reconnecting;
    state.reason = reason;
    state.retryAt = Clock::now() + delay;
    m_retryTimer.start(timerMilliseconds(delay));
    setState(state);
}

void AgentTransport::leaveConnected()
{
    m_livenessTimer.stop();
    disconnect(m_readyReadConnection);
    if (m_state.phase == ConnectionPhase::Connected) {
        m_state.phase = ConnectionPhase::Idle; // emitted by the caller's setState
        emit disconnected();
    }
}

void AgentTransport::setState(ConnectionState state)
{
    m_state = std::move(state);
    emit stateChanged(m_state);
}

} // namespace anycast
