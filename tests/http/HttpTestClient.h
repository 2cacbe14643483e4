#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QMap>
#include <QTcpSocket>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace anycast::test {

using namespace std::chrono_literals;

// Runs the event loop until `done` or the limit; polls in 5 ms slices so that a result is
// seen as soon as it is there, and a missing one fails the test instead of hanging it.
bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds limit = 5s);

// A client on the test's event loop, recording everything it receives and whether the server
// closed the connection. From `source` (another 127.0.0.x, say) when given.
class TestClient
{
public:
    explicit TestClient(quint16 port, const QHostAddress &source = {});
    ~TestClient();
    TestClient(const TestClient &) = delete;
    TestClient &operator=(const TestClient &) = delete;
    bool waitConnected();
    void send(const QByteArray &bytes);
    bool waitClosed(std::chrono::milliseconds limit = 5s);

    bool connected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    bool closed() const { return m_closed; }
    const QByteArray &received() const { return m_received; }

private:
    std::unique_ptr<QTcpSocket> m_socket = std::make_unique<QTcpSocket>();
    QByteArray m_received;
    bool m_closed = false;
};

struct HttpReply
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

std::optional<HttpReply> parseReply(const QByteArray &bytes);

// One request on its own connection; the reply once the server has closed it.
std::optional<HttpReply> exchange(quint16 port, const QByteArray &request,
                                  const QHostAddress &source = {});

} // namespace anycast::test
