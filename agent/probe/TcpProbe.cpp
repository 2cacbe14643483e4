#include "agent/probe/TcpProbe.h"

#include <QNetworkProxy>

namespace anycast {

TcpProbe::TcpProbe(ProbeSpec spec, QObject *parent)
    : Probe(parent)
    , m_spec(std::move(spec))
    , m_socket(this)
    , m_timeout(this)
{
    // The probe checks the service itself: a proxy would answer for it.
    m_socket.setProxy(QNetworkProxy::NoProxy);
    m_timeout.setSingleShot(true);
    // A coarse timer may fire 5% early, and a timeout must never cut a run short.
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_socket, &QAbstractSocket::connected, this, [this] {
        finish(true, QStringLiteral("connected in %1 ms")
                         .arg(QString::number(double(m_clock.nsecsElapsed()) / 1e6, 'f', 1)));
    });
    connect(&m_socket, &QAbstractSocket::errorOccurred, this,
            [this] { finish(false, m_socket.errorString()); });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(false, QStringLiteral("timed out after %1 ms").arg(m_spec.timeout.count()));
    });
}

bool TcpProbe::start()
{
    if (m_state != State::Idle)
        return false;
    m_state = State::Running;
    m_starting = true;
    m_clock.start();
    m_timeout.start(m_spec.timeout);
    m_socket.connectToHost(m_spec.host, m_spec.port);
    m_starting = false;
    return true;
}

void TcpProbe::finish(bool ok, const QString &detail)
{
    if (m_state != State::Running)
        return;
    m_state = State::Reporting;
    m_timeout.stop();
    m_socket.abort();
    deliver({ok, detail, std::chrono::milliseconds(m_clock.elapsed())}, m_starting,
            [this] { m_state = State::Idle; });
}

} // namespace anycast
