#pragma once

#include "agent/probe/Probe.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

namespace anycast {

// tcp://HOST:PORT: healthy when the three-way handshake completes within the timeout. The
// connection is closed at once; nothing is sent. A refused connection, an unreachable or
// unresolvable host and a timeout are failures.
class TcpProbe final : public Probe
{
    Q_OBJECT

public:
    explicit TcpProbe(ProbeSpec spec, QObject *parent = nullptr);

    bool start() final;
    bool running() const final { return m_state != State::Idle; }

private:
    // Reporting: the result is decided and queued; later socket events are stale.
    enum class State
    {
        Idle,
        Running,
        Reporting
    };

    void finish(bool ok, const QString &detail);

    ProbeSpec m_spec;
    QTcpSocket m_socket;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    State m_state = State::Idle;
    bool m_starting = false;
};

} // namespace anycast
