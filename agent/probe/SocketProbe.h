#pragma once

#include "agent/probe/Probe.h"

#include <QElapsedTimer>
#include <QTcpSocket>

namespace anycast {

// What a probe over one TCP connection a run shares (tcp://, http://): the socket (no
// proxy: a proxy would answer for the service), the timeout over the whole run, the clock,
// and the run's state. The subclass connects to the socket's signals and ends the run with
// finish(). A timeout, a refused connection and an unreachable host are failures.
class SocketProbe : public Probe
{
    Q_OBJECT

public:
    bool start() final;
    bool running() const final { return m_state != State::Idle; }

protected:
    SocketProbe(ProbeSpec spec, QString host, quint16 port, QObject *parent);

    // A new run begins: forget the last one's state.
    virtual void beginRun() {}
    // False once the run's result is decided: later socket events are stale.
    bool inRun() const { return m_state == State::Running; }
    // Ends the run (once; later calls are ignored) and reports it.
    void finish(bool ok, const QString &detail, bool wrongAnswer = false, bool answered = false);
    // "1.2": the run so far, in milliseconds.
    QString elapsedMs() const;

    const ProbeSpec &spec() const { return m_spec; }
    QTcpSocket &socket() { return m_socket; }

private:
    void runTimedOut() final;

    // Reporting: the result is decided and queued.
    enum class State
    {
        Idle,
        Running,
        Reporting
    };

    ProbeSpec m_spec;
    QString m_host;
    quint16 m_port;
    QTcpSocket m_socket;
    QElapsedTimer m_clock;
    State m_state = State::Idle;
    bool m_starting = false;
};

} // namespace anycast
