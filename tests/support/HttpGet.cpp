#include "tests/support/HttpGet.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

namespace anycast::test {

std::optional<HttpGetReply> httpGet(quint16 port, const QByteArray &path,
                                    std::chrono::milliseconds timeout, const QHostAddress &source)
{
    const QDeadlineTimer deadline(timeout);
    QTcpSocket socket;
    if (!source.isNull() && !socket.bind(source, 0))
        return std::nullopt;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(static_cast<int>(deadline.remainingTime())))
        return std::nullopt;
    socket.write("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QByteArray response;
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(static_cast<int>(deadline.remainingTime())))
            response += socket.readAll();
    }
    response += socket.readAll();
    if (socket.state() == QAbstractSocket::ConnectedState)
        return std::nullopt; // still open at the deadline: no complete answer
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    const QList<QByteArray> statusLine = response.left(response.indexOf("\r\n")).split(' ');
    if (headEnd < 0 || statusLine.size() < 2)
        return std::nullopt;
    bool ok = false;
    const int status = statusLine[1].toInt(&ok);
    if (!ok)
        return std::nullopt;
    return HttpGetReply{status, response.mid(headEnd + 4)};
}

} // namespace anycast::test
