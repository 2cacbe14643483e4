#pragma once

#include "agent/probe/HttpResponseHead.h"
#include "agent/probe/SocketProbe.h"

namespace anycast {

// http://URL (plain, not https): the same check as HttpProbe, a GET that is healthy only
// when the answer's status is `expectStatus`, written on a bare socket. It runs ten times a
// second by default, and QNetworkAccessManager spent 0.6-0.8 ms of CPU a run on its
// thread hop and request bookkeeping (docs/PERFORMANCE.md, "Probe cost"). One connection
// per run with `Connection: close`, no proxy, redirects not followed; the answer is read to
// its end (Content-Length, or the service closing the connection) and the body thrown
// away; the timeout covers the whole exchange. The status line and headers are parsed
// strictly (HttpResponseHead): anything else is a failure, never a pass.
class PlainHttpProbe final : public SocketProbe
{
    Q_OBJECT

public:
    explicit PlainHttpProbe(ProbeSpec spec, QObject *parent = nullptr);

private:
    void beginRun() final;
    void sendRequest();
    void readAnswer();
    void peerClosed();
    void answered();

    QByteArray m_request;
    QByteArray m_head; // what arrived until the headers were complete
    std::optional<HttpResponseHead> m_parsed;
    qint64 m_bodyBytes = 0;
};

} // namespace anycast
