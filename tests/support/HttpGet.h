#pragma once

#include <QByteArray>
#include <QHostAddress>

#include <chrono>
#include <optional>

namespace anycast::test {

struct HttpGetReply
{
    int status = 0;
    QByteArray body;
};

// One blocking GET to 127.0.0.1:`port` on a fresh connection, from `source` when given (any
// 127.0.0.x): the status and body once the server has closed the connection, or nullopt when
// the whole exchange did not finish within `timeout`. For a server in another process.
std::optional<HttpGetReply> httpGet(quint16 port, const QByteArray &path,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(5),
                                    const QHostAddress &source = {});

} // namespace anycast::test
