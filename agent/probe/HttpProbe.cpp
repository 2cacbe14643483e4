#include "agent/probe/HttpProbe.h"

#include "agent/support/PlainHttpRequest.h"

#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace anycast {

HttpProbe::HttpProbe(ProbeSpec spec, QObject *parent)
    : Probe(parent)
    , m_spec(std::move(spec))
    , m_manager(this)
{
    // The probe checks the service itself: a proxy would answer for it.
    m_manager.setProxy(QNetworkProxy::NoProxy);
}

void HttpProbe::runTimedOut()
{
    finish(false, timedOutDetail(m_spec.timeout));
}

HttpProbe::~HttpProbe()
{
    // Whatever is in flight is dropped without a result: nobody is left to receive it.
    m_state = State::Idle;
    if (m_reply)
        m_reply->abort();
}

bool HttpProbe::start()
{
    if (m_state != State::Idle)
        return false;
    m_state = State::Running;
    m_clock.start();

    QNetworkRequest request = plainHttpRequest(m_spec.url, QStringLiteral("anycast-agent probe"));
    // One connection per run: a kept-alive one would keep passing after the service
    // stopped accepting new connections.
    request.setRawHeader("Connection", "close");

    QNetworkReply *reply = m_manager.get(request);
    m_reply = reply;
    connect(reply, &QIODevice::readyRead, reply, [reply] { reply->skip(reply->bytesAvailable()); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    startRunTimeout(m_spec.timeout);
    return true;
}

void HttpProbe::onReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply || m_state != State::Running)
        return; // aborted by the timeout, or an earlier run
    m_reply = nullptr;

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        finish(false, reply->errorString());
        return;
    }
    const int code = status.toInt();
    if (code != m_spec.expectStatus) {
        finish(false, QStringLiteral("HTTP %1 (expected %2)").arg(code).arg(m_spec.expectStatus),
               true);
        return;
    }
    finish(true, QStringLiteral("HTTP %1 in %2 ms")
                     .arg(QString::number(code),
                          QString::number(double(m_clock.nsecsElapsed()) / 1e6, 'f', 1)));
}

void HttpProbe::finish(bool ok, const QString &detail, bool wrongAnswer)
{
    if (m_state != State::Running)
        return;
    stopRunTimeout();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        // abort() emits finished() at once; the reply is stale by then and only deleted.
        reply->abort();
    }
    m_state = State::Idle;
    // Both a passing and a wrongly answered run got an HTTP status back.
    emit finished(ProbeResult{ok, detail, std::chrono::milliseconds(m_clock.elapsed()), wrongAnswer,
                              ok || wrongAnswer});
}

} // namespace anycast
