#include "agent/probe/SocketProbe.h"

#include <QNetworkProxy>

namespace anycast {

SocketProbe::SocketProbe(ProbeSpec spec, QString host, quint16 port, QObject *parent)
    : Probe(parent)
    , m_spec(std::move(spec))
    , m_host(std::move(host))
    , m_port(port)
    , m_socket(this)
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
}

void SocketProbe::runTimedOut()
{
    finish(false, timedOutDetail(m_spec.timeout));
}

bool SocketProbe::start()
{
    if (m_state != State::Idle)
        return false;
    m_state = State::Running;
    m_starting = true;
    beginRun();
    m_clock.start();
    startRunTimeout(m_spec.timeout);
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
    stopRunTimeout();
    m_socket.abort();
    deliver({ok, detail, std::chrono::milliseconds(m_clock.elapsed()), wrongAnswer, answered},
            m_starting, [this] { m_state = State::Idle; });
}

} // namespace anycast
