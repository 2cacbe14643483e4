#include "agent/probe/SocketProbe.h"

#include <QNetworkProxy>

namespace anycast {

SocketProbe::SocketProbe(ProbeSpec spec, QString host, quint16 port, QObject *parent)
    : Probe(parent)
    , m_spec(std::move(spec))
    , m_host(std::move(host))
    , m_port(port)
    , m_socket(this)
    , m_timeout(this)
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
    m_timeout.setSingleShot(true);
    // A coarse timer may fire 5% early, and a timeout must never cut a run short.
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(false, QStringLiteral("timed out after %1 ms").arg(m_spec.timeout.count()));
    });
}

bool SocketProbe::start()
{
    if (m_state != State::Idle)
        return false;
    m_state = State::Running;
    m_starting = true;
    beginRun();
    m_clock.start();
    m_timeout.start(m_spec.timeout);
    m_socket.connectToHost(m_host, m_port);
    m_starting = false;
    return true;
}

QString SocketProbe::elapsedMs() const
{
    return QString::number(double(m_clock.nsecsElapsed()) / 1e6, 'f', 1);
}

void SocketProbe::finish(bool ok, const QString &detail, bool wrongAnswer, bool answered)
{
    if (m_state != State::Running)
        return;
    m_state = State::Reporting;
    m_timeout.stop();
    m_socket.abort();
    deliver({ok, detail, std::chrono::milliseconds(m_clock.elapsed()), wrongAnswer, answered},
            m_starting, [this] { m_state = State::Idle; });
}

} // namespace anycast
