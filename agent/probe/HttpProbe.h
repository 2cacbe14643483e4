#pragma once

#include "agent/probe/Probe.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPointer>

class QNetworkReply;

namespace anycast {

// https://URL (http:// is PlainHttpProbe): a GET that is healthy only when the response
// status is `expectStatus`.
// Redirects are not followed (a 301 is a status like any other), https verifies the peer
// against the system CA store, no proxy is used, and the body is read and thrown away.
// The timeout covers the whole exchange, body included.
class HttpProbe final : public Probe
{
    Q_OBJECT

public:
    explicit HttpProbe(ProbeSpec spec, QObject *parent = nullptr);
    ~HttpProbe() override;

    bool start() final;
    bool running() const final { return m_state != State::Idle; }

private:
    enum class State
    {
        Idle,
        Running
    };

    void runTimedOut() final;
    void onReplyFinished(QNetworkReply *reply);
    void finish(bool ok, const QString &detail, bool wrongAnswer = false);

    ProbeSpec m_spec;
    QNetworkAccessManager m_manager;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_clock;
    State m_state = State::Idle;
};

} // namespace anycast
