#pragma once

#include "agent/support/FileDescriptor.h"

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <optional>

namespace anycast::probetest {

// A tiny real HTTP/1.1 server on 127.0.0.1 that answers every request with one fixed
// response and closes. With no status it accepts connections and never says a word, which
// is how a hung service looks to a probe.
class LocalHttpServer final : public QObject
{
public:
    explicit LocalHttpServer(std::optional<int> status, QByteArray extraHeaders = {});

    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path = QStringLiteral("/")) const;
    // The request heads received so far (request line and headers).
    const QList<QByteArray> &requests() const { return m_requests; }
    int connections() const { return m_connections; }

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    std::optional<int> m_status;
    QByteArray m_extraHeaders;
    QList<QByteArray> m_requests;
    int m_connections = 0;
};

// A port on 127.0.0.1 with nothing listening on it: bound, then closed.
quint16 closedPort();

// A listener on 127.0.0.1 whose accept queue is full (backlog 0, one connection never
// accepted): the kernel drops every further SYN, so a connect hangs until the client gives
// up. The only way to get a TCP connect timeout on loopback without extra privileges.
class FullListener final
{
public:
    FullListener();

    quint16 port() const { return m_port; }

private:
    FileDescriptor m_listener; // declared first: closed last, after the connection filling it
    FileDescriptor m_filler;
    quint16 m_port = 0;
};

} // namespace anycast::probetest
