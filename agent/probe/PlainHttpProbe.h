#pragma once

#include "agent/probe/HttpResponseHead.h"
#include "agent/probe/Probe.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

namespace anycast {

// http://URL (plain, not https): the same check as HttpProbe, a GET that is healthy only
// when the answer's status is `expectStatus`, written on a bare socket. It runs ten times a
// second by default, and QNetworkAccessManager spent 0.6-0.8 ms of CPU a run on its
// thread hop and request bookkeeping (docs/PERFORMANCE.md, "Probe cost"). One connection
// per run with `Connection: close`, no proxy, redirects not followed; the answer is read to
// its end (Content-Length, or the service closing the connection) and the body thrown
// away; the timeout covers the whole exchange. The status line and headers are parsed
// strictly (HttpResponseHead): anything else is a failure, never a pass.
class PlainHttpProbe final : public Probe
{
    Q_OBJECT

public:
    explicit PlainHttpProbe(ProbeSpec spec, QObject *parent = nullptr);

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

    void sendRequest();
    void readAnswer();
    void peerClosed();
    void answered();
    void finish(bool ok, const QString &detail, bool wrongAnswer = false, bool answered = false);

    ProbeSpec m_spec;
    QByteArray m_request;
    QTcpSocket m_socket;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    State m_state = State::Idle;
    bool m_starting = false;
    QByteArray m_head; // what arrived until the headers were complete
    std::optional<HttpResponseHead> m_parsed;
    qint64 m_bodyBytes = 0;
};

} // namespace anycast
