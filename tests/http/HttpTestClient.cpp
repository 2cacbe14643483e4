#include "tests/http/HttpTestClient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

namespace anycast::test {

bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds limit)
{
    const QDeadlineTimer deadline(limit);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(5ms, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

TestClient::TestClient(quint16 port, const QHostAddress &source)
{
    QTcpSocket *socket = m_socket.get();
    QObject::connect(socket, &QTcpSocket::readyRead,
                     [this, socket] { m_received += socket->readAll(); });
    QObject::connect(socket, &QTcpSocket::disconnected, [this, socket] {
        if (socket->bytesAvailable() > 0)
            m_received += socket->readAll();
        m_closed = true;
    });
    // A reset or refusal may come without a disconnected() from a never-connected socket.
    QObject::connect(socket, &QTcpSocket::errorOccurred, [this] { m_closed = true; });
    if (!source.isNull() && !socket->bind(source, 0)) {
        m_closed = true;
        return;
    }
    socket->connectToHost(QHostAddress::LocalHost, port);
}

TestClient::~TestClient()
{
    // The socket's destructor reports its own close; this object is half gone by then.
    m_socket->disconnect();
}

bool TestClient::waitConnected()
{
    return waitUntil([this] { return connected() || m_closed; }) && connected();
}

void TestClient::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

bool TestClient::waitClosed(std::chrono::milliseconds limit)
{
    return waitUntil([this] { return m_closed; }, limit);
}

std::optional<HttpReply> parseReply(const QByteArray &bytes)
{
    const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
    if (!bytes.startsWith("HTTP/1.1 ") || headEnd < 0)
        return std::nullopt;
    HttpReply reply;
    const QList<QByteArray> lines = bytes.left(headEnd).split('\n');
    bool ok = false;
    reply.status = lines.front().mid(9, 3).toInt(&ok);
    if (!ok)
        return std::nullopt;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        reply.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    reply.body = bytes.mid(headEnd + 4);
    return reply;
}

std::optional<HttpReply> exchange(quint16 port, const QByteArray &request,
                                  const QHostAddress &source)
{
    TestClient client(port, source);
    if (!client.waitConnected())
        return std::nullopt;
    client.send(request);
    if (!client.waitClosed())
        return std::nullopt;
    return parseReply(client.received());
}

} // namespace anycast::test
