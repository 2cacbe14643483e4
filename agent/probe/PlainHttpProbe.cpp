#include "agent/probe/PlainHttpProbe.h"

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
    : SocketProbe(spec, spec.url.host(), static_cast<quint16>(spec.url.port(80)), parent)
    , m_request(requestFor(spec.url))
{
    connect(&socket(), &QAbstractSocket::connected, this, &PlainHttpProbe::sendRequest);
    connect(&socket(), &QIODevice::readyRead, this, &PlainHttpProbe::readAnswer);
    connect(&socket(), &QAbstractSocket::disconnected, this, &PlainHttpProbe::peerClosed);
    connect(&socket(), &QAbstractSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                if (error == QAbstractSocket::RemoteHostClosedError)
                    peerClosed();
                else
                    finish(false, socket().errorString());
            });
}

void PlainHttpProbe::beginRun()
{
    m_head.clear();
    m_parsed.reset();
    m_bodyBytes = 0;
}

void PlainHttpProbe::sendRequest()
{
    if (inRun())
        socket().write(m_request);
}

void PlainHttpProbe::readAnswer()
{
    if (!inRun())
        return;
    QByteArray bytes = socket().readAll();
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
    if (!inRun())
        return;
    readAnswer(); // whatever came with the close
    if (!inRun())
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
    if (code != spec().expectStatus) {
        finish(false, QStringLiteral("HTTP %1 (expected %2)").arg(code).arg(spec().expectStatus),
               true, true);
        return;
    }
    finish(true, QStringLiteral("HTTP %1 in %2 ms").arg(QString::number(code), elapsedMs()), false,
           true);
}

} // namespace anycast
