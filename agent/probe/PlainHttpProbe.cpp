#include "agent/probe/PlainHttpProbe.h"

#include <QNetworkProxy>

namespace anycast {
namespace {

QByteArray requestFor(const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    const QByteArray host = url.authority(QUrl::RemoveUserInfo | QUrl::FullyEncoded).toLatin1();
    return "GET " + target + " HTTP/1.1\r\nHost: " + host +
           "\r\nUser-Agent: anycast-agent probe\r\nAccept: */*\r\nConnection: close\r\n\r\n";
}

} // namespace

PlainHttpProbe::PlainHttpProbe(ProbeSpec spec, QObject *parent)
    : Probe(parent)
    , m_spec(std::move(spec))
    , m_request(requestFor(m_spec.url))
    , m_socket(this)
    , m_timeout(this)
{
    // The probe checks the service itself: a proxy would answer for it.
    m_socket.setProxy(QNetworkProxy::NoProxy);
    m_timeout.setSingleShot(true);
    // A coarse timer may fire 5% early, and a timeout must never cut a run short.
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_socket, &QAbstractSocket::connected, this, &PlainHttpProbe::sendRequest);
    connect(&m_socket, &QIODevice::readyRead, this, &PlainHttpProbe::readAnswer);
    connect(&m_socket, &QAbstractSocket::disconnected, this, &PlainHttpProbe::peerClosed);
    connect(&m_socket, &QAbstractSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                if (error == QAbstractSocket::RemoteHostClosedError)
                    peerClosed();
                else
                    finish(false, m_socket.errorString());
            });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(false, QStringLiteral("timed out after %1 ms").arg(m_spec.timeout.count()));
    });
}

bool PlainHttpProbe::start()
{
    if (m_state != State::Idle)
        return false;
    m_state = State::Running;
    m_starting = true;
    m_head.clear();
    m_parsed.reset();
    m_bodyBytes = 0;
    m_clock.start();
    m_timeout.start(m_spec.timeout);
    m_socket.connectToHost(m_spec.url.host(), static_cast<quint16>(m_spec.url.port(80)));
    m_starting = false;
    return true;
}

void PlainHttpProbe::sendRequest()
{
    if (m_state == State::Running)
        m_socket.write(m_request);
}

void PlainHttpProbe::readAnswer()
{
    if (m_state != State::Running)
        return;
    QByteArray bytes = m_socket.readAll();
    if (!m_parsed) {
        m_head += bytes;
        HttpResponseHead head;
        QString error;
        for (;;) {
            switch (HttpResponseHead::parse(m_head, head, error)) {
            case HttpResponseHead::Parse::NeedMore:
                return;
            case HttpResponseHead::Parse::Malformed:
                finish(false, QStringLiteral("the service's answer is not HTTP: %1").arg(error));
                return;
            case HttpResponseHead::Parse::Complete:
                break;
            }
            // An interim answer (100 Continue, 103 Early Hints) comes before the real one,
            // asked for or not (RFC 9110, 15.2). A 101 is final: the probe never upgrades.
            if (!head.interim())
                break;
            m_head.remove(0, head.headerBytes);
        }
        m_parsed = head;
        m_bodyBytes = m_head.size() - head.headerBytes;
        m_head.clear();
    } else {
        m_bodyBytes += bytes.size();
    }
    // The end of the answer, where the head says it is; otherwise where the service closes.
    if (m_parsed->bodyless() ||
        (!m_parsed->chunked && m_parsed->contentLength && m_bodyBytes >= *m_parsed->contentLength))
        answered();
}

void PlainHttpProbe::peerClosed()
{
    if (m_state != State::Running)
        return;
    readAnswer(); // whatever came with the close
    if (m_state != State::Running)
        return;
    if (!m_parsed) {
        finish(false, m_head.isEmpty()
                          ? QStringLiteral("the service closed the connection without an answer")
                          : QStringLiteral("the service closed the connection in its answer's "
                                           "headers"));
        return;
    }
    if (!m_parsed->chunked && m_parsed->contentLength && m_bodyBytes < *m_parsed->contentLength) {
        finish(false, QStringLiteral("the service closed the connection %1 bytes into a "
                                     "%2-byte answer")
                          .arg(m_bodyBytes)
                          .arg(*m_parsed->contentLength));
        return;
    }
    answered();
}

void PlainHttpProbe::answered()
{
    const int code = m_parsed->status;
    if (code != m_spec.expectStatus) {
        finish(false, QStringLiteral("HTTP %1 (expected %2)").arg(code).arg(m_spec.expectStatus),
               true, true);
        return;
    }
    finish(true,
           QStringLiteral("HTTP %1 in %2 ms")
               .arg(QString::number(code),
                    QString::number(double(m_clock.nsecsElapsed()) / 1e6, 'f', 1)),
           false, true);
}

void PlainHttpProbe::finish(bool ok, const QString &detail, bool wrongAnswer, bool answered)
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
