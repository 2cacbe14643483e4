#include "agent/probe/PlainHttpProbe.h"

#include "tests/probe/LocalServers.h"
#include "tests/probe/ProbeRunner.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <gtest/gtest.h>

#include <stdexcept>

namespace anycast {
namespace {

using namespace probetest;

// A server on 127.0.0.1 that answers every connection with canned bytes, whatever they are:
// it reads the request head (up to its blank line), writes `parts` one after the other
// (`gap` apart), then closes the connection or keeps it open. With no parts it writes
// nothing.
class CannedServer final : public QObject
{
public:
    enum class After
    {
        Close,
        KeepOpen
    };

    CannedServer(QList<QByteArray> parts, After after, std::chrono::milliseconds gap = 30ms)
        : m_parts(std::move(parts))
        , m_after(after)
        , m_gap(gap)
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            throw std::runtime_error("listen: " + m_server.errorString().toStdString());
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                ++m_open;
                socket->setParent(this);
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    --m_open;
                    socket->deleteLater();
                });
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }
    CannedServer(QByteArray answer, After after)
        : CannedServer(answer.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{answer}, after)
    {}

    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery));
    }
    // The request heads received, each up to and including its blank line.
    const QList<QByteArray> &requests() const { return m_requests; }
    // Bytes that came after a request head: a GET has none.
    qsizetype bytesAfterHeads() const { return m_bytesAfterHeads; }
    int connections() const { return m_connections; }
    int openConnections() const { return m_open; }

private:
    void read(QTcpSocket *socket)
    {
        if (socket->property("answered").toBool()) {
            m_bytesAfterHeads += socket->readAll().size();
            return;
        }
        const QByteArray head = socket->peek(64 * 1024);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        socket->read(end + 4);
        m_requests.append(head.left(end + 4));
        socket->setProperty("answered", true);
        m_bytesAfterHeads += socket->readAll().size();
        write(socket, 0);
    }

    void write(QTcpSocket *socket, qsizetype part)
    {
        if (part < m_parts.size()) {
            socket->write(m_parts[part]);
            if (part + 1 < m_parts.size()) {
                QTimer::singleShot(m_gap, socket,
                                   [this, socket, part] { write(socket, part + 1); });
                return;
            }
        }
        if (m_after == After::Close)
            socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<QByteArray> m_parts;
    After m_after;
    std::chrono::milliseconds m_gap;
    QList<QByteArray> m_requests;
    qsizetype m_bytesAfterHeads = 0;
    int m_connections = 0;
    int m_open = 0;
};

using After = CannedServer::After;

std::unique_ptr<Probe> plainProbe(const QUrl &url, std::chrono::milliseconds timeout = 2s,
                                  int expectStatus = 200)
{
    ProbeSpec spec = specFor(url.toString(QUrl::FullyEncoded), timeout);
    spec.expectStatus = expectStatus;
    auto probe = Probe::create(spec);
    EXPECT_NE(dynamic_cast<PlainHttpProbe *>(probe.get()), nullptr) << "not a PlainHttpProbe";
    return probe;
}

ProbeResult onlyResult(const ProbeRun &run)
{
    EXPECT_TRUE(run.started);
    EXPECT_EQ(run.results.size(), 1u);
    return run.results.empty() ? ProbeResult{false, QStringLiteral("no result"), {}}
                               : run.results[0];
}

// An answer that does not need the close to end must not wait for it: well under the
// probe's 2 s timeout.
constexpr auto kPrompt = 500ms;

TEST(PlainHttpProbe, CreatedForHttpButNotForHttps)
{
    const auto http = Probe::create(specFor(QStringLiteral("http://127.0.0.1:1/")));
    EXPECT_NE(dynamic_cast<PlainHttpProbe *>(http.get()), nullptr);
    const auto https = Probe::create(specFor(QStringLiteral("https://127.0.0.1:1/")));
    ASSERT_NE(https, nullptr);
    EXPECT_EQ(dynamic_cast<PlainHttpProbe *>(https.get()), nullptr);
}

TEST(PlainHttpProbe, ContentLengthEndsTheAnswerWithoutWaitingForTheClose)
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", After::KeepOpen);
    const auto probe = plainProbe(server.url());
    const ProbeRun run = runProbe(*probe);
    const ProbeResult result = onlyResult(run);
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_TRUE(result.detail.startsWith(QStringLiteral("HTTP 200 in ")))
        << result.detail.toStdString();
    EXPECT_TRUE(result.detail.endsWith(QStringLiteral(" ms"))) << result.detail.toStdString();
    EXPECT_TRUE(result.answered);
    EXPECT_FALSE(result.wrongAnswer);
    EXPECT_LT(run.waited, kPrompt);
    EXPECT_FALSE(probe->running());
    // The probe, not the service, ends the connection it no longer needs.
    EXPECT_TRUE(waitUntil([&] { return server.openConnections() == 0; }, 1s))
        << server.openConnections() << " connection(s) still open";
}

TEST(PlainHttpProbe, ZeroContentLengthEndsWithTheHeaders)
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", After::KeepOpen);
    const ProbeRun run = runProbe(*plainProbe(server.url()));
    const ProbeResult result = onlyResult(run);
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_LT(run.waited, kPrompt);
}

TEST(PlainHttpProbe, HeadAndBodyInPiecesAreJoined)
{
    CannedServer server({"HTTP/1.1 2", "00 OK\r\nContent-Len", "gth: 4\r\n\r", "\nab", "cd"},
                        After::KeepOpen);
    const ProbeRun run = runProbe(*plainProbe(server.url()));
    const ProbeResult result = onlyResult(run);
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_TRUE(result.answered);
    EXPECT_LT(run.waited, kPrompt);
}

// The answer ends with its last body byte, not with its head: 2 of 4 bytes is not the end.
TEST(PlainHttpProbe, PartOfTheBodyIsNotTheEndOfTheAnswer)
{
    CannedServer server({"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nab", "cd"}, After::KeepOpen,
                        250ms);
    const ProbeRun run = runProbe(*plainProbe(server.url()));
    const ProbeResult result = onlyResult(run);
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_GE(run.waited, 200ms);
    EXPECT_LT(run.waited, 250ms + kPrompt);
}

TEST(PlainHttpProbe, NoLengthEndsWhenTheServiceCloses)
{
    CannedServer server("HTTP/1.1 200 OK\r\nServer: canned\r\n\r\nsome body, no length",
                        After::Close);
    const ProbeResult result = onlyResult(runProbe(*plainProbe(server.url())));
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_TRUE(result.answered);
    EXPECT_FALSE(result.wrongAnswer);
}

// Without a length the only end is the close: a service that keeps the connection open
// never finishes its answer.
TEST(PlainHttpProbe, NoLengthAndNoCloseTimesOut)
{
    CannedServer server("HTTP/1.1 200 OK\r\n\r\nsome body", After::KeepOpen);
    const ProbeResult result = onlyResult(runProbe(*plainProbe(server.url(), 300ms)));
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("timed out after 300 ms"));
    EXPECT_FALSE(result.answered);
}

TEST(PlainHttpProbe, NoContentEndsWithTheHeaders)
{
    CannedServer server("HTTP/1.1 204 No Content\r\nServer: canned\r\n\r\n", After::KeepOpen);
    const ProbeRun run = runProbe(*plainProbe(server.url(), 2s, 204));
    const ProbeResult result = onlyResult(run);
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_TRUE(result.detail.startsWith(QStringLiteral("HTTP 204 in ")))
        << result.detail.toStdString();
    EXPECT_TRUE(result.answered);
    EXPECT_LT(run.waited, kPrompt);
}

TEST(PlainHttpProbe, ChunkedBodyEndsWhenTheServiceCloses)
{
    CannedServer server({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "5\r\nhello\r\n",
                         "6\r\n world\r\n0\r\n\r\n"},
                        After::Close);
    const ProbeResult result = onlyResult(runProbe(*plainProbe(server.url())));
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_TRUE(result.answered);
}

// Chunked wins over a Content-Length (RFC 9112 6.3): the answer is not cut at the length.
TEST(PlainHttpProbe, ChunkedWinsOverAContentLength)
{
    CannedServer server({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n"
                         "\r\n5\r\nhe",
                         "llo\r\n0\r\n\r\n"},
                        After::Close, 250ms);
    const ProbeRun run = runProbe(*plainProbe(server.url()));
    const ProbeResult result = onlyResult(run);
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_GE(run.waited, 200ms);
}

// Any status but the expected one is the service's own wrong answer, known as soon as the
// answer ends: a 304 has no body even with a Content-Length (that of the resource it
// stands for), and the connections kept open show the probe does not wait for a close.
TEST(PlainHttpProbe, AStatusOtherThanTheExpectedIsAWrongAnswerAtOnce)
{
    struct Row
    {
        const char *what;
        const char *answer;
        After after;
        int expectStatus;
        const char *detail;
    };
    const Row rows[] = {
        {"500", "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops",
         After::KeepOpen, 200, "HTTP 500 (expected 200)"},
        {"304 despite a Content-Length",
         "HTTP/1.1 304 Not Modified\r\nContent-Length: 1000\r\n\r\n", After::KeepOpen, 200,
         "HTTP 304 (expected 200)"},
        {"200 where 503 is expected", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", After::Close,
         503, "HTTP 200 (expected 503)"},
    };
    for (const Row &row : rows) {
        CannedServer server(row.answer, row.after);
        const ProbeRun run = runProbe(*plainProbe(server.url(), 2s, row.expectStatus));
        const ProbeResult result = onlyResult(run);
        EXPECT_FALSE(result.ok) << row.what;
        EXPECT_EQ(result.detail, QString::fromUtf8(row.detail)) << row.what;
        EXPECT_TRUE(result.wrongAnswer) << row.what;
        EXPECT_TRUE(result.answered) << row.what;
        EXPECT_LT(run.waited, kPrompt) << row.what;
    }
}

TEST(PlainHttpProbe, RedirectIsNotFollowed)
{
    CannedServer server("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n",
                        After::Close);
    const ProbeResult result = onlyResult(runProbe(*plainProbe(server.url())));
    EXPECT_EQ(result.detail, QStringLiteral("HTTP 302 (expected 200)"));
    EXPECT_EQ(server.connections(), 1);
    EXPECT_EQ(server.requests().size(), 1);
}

TEST(PlainHttpProbe, NotHttpIsAFailureAtOnce)
{
    // An SSH server on the probed port: its banner line is all it says until spoken to.
    CannedServer server("SSH-2.0-x\r\n", After::KeepOpen);
    const ProbeRun run = runProbe(*plainProbe(server.url()));
    const ProbeResult result = onlyResult(run);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.detail.startsWith(QStringLiteral("the service's answer is not HTTP: ")))
        << result.detail.toStdString();
    EXPECT_FALSE(result.answered);
    EXPECT_FALSE(result.wrongAnswer);
    EXPECT_LT(run.waited, kPrompt);
}

TEST(PlainHttpProbe, Http2StatusLineIsNotHttp)
{
    CannedServer server("HTTP/2 200\r\ncontent-length: 0\r\n\r\n", After::Close);
    const ProbeResult result = onlyResult(runProbe(*plainProbe(server.url())));
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.detail.contains(QStringLiteral("not HTTP"))) << result.detail.toStdString();
    EXPECT_FALSE(result.answered);
    EXPECT_FALSE(result.wrongAnswer);
}

TEST(PlainHttpProbe, BadContentLengthIsNotHttp)
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                        After::KeepOpen);
    const ProbeRun run = runProbe(*plainProbe(server.url()));
    const ProbeResult result = onlyResult(run);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.detail.startsWith(QStringLiteral("the service's answer is not HTTP: ")))
        << result.detail.toStdString();
    EXPECT_TRUE(result.detail.contains(QStringLiteral("Content-Length")))
        << result.detail.toStdString();
    EXPECT_FALSE(result.answered);
    EXPECT_LT(run.waited, kPrompt);
}

TEST(PlainHttpProbe, EndlessHeadersAreNotHttp)
{
    QByteArray head = "HTTP/1.1 200 OK\r\n";
    while (head.size() <= 17 * 1024)
        head += "X-Pad: " + QByteArray(100, 'a') + "\r\n";
    CannedServer server(head, After::KeepOpen);
    const ProbeRun run = runProbe(*plainProbe(server.url()));
    const ProbeResult result = onlyResult(run);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.detail.startsWith(QStringLiteral("the service's answer is not HTTP: ")))
        << result.detail.toStdString();
    EXPECT_FALSE(result.answered);
    EXPECT_LT(run.waited, kPrompt);
}

// A close before the answer is whole is the probe's failure, not the service's wrong answer:
// the detail says how far the answer got.
TEST(PlainHttpProbe, ACloseBeforeTheAnswerEndsIsAFailure)
{
    struct Row
    {
        const char *what;
        const char *answer;
        const char *detail;
    };
    const Row rows[] = {
        {"without a byte", "", "the service closed the connection without an answer"},
        {"in the headers", "HTTP/1.1 200 OK\r\nContent-Le",
         "the service closed the connection in its answer's headers"},
        {"in the body", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789",
         "the service closed the connection 10 bytes into a 100-byte answer"},
    };
    for (const Row &row : rows) {
        CannedServer server(QByteArray(row.answer), After::Close);
        const ProbeResult result = onlyResult(runProbe(*plainProbe(server.url())));
        EXPECT_FALSE(result.ok) << row.what;
        EXPECT_EQ(result.detail, QString::fromUtf8(row.detail)) << row.what;
        EXPECT_FALSE(result.answered) << row.what;
        EXPECT_FALSE(result.wrongAnswer) << row.what;
        EXPECT_EQ(server.requests().size(), 1) << row.what;
    }
}

TEST(PlainHttpProbe, SilentServerTimesOut)
{
    CannedServer server(QByteArray(), After::KeepOpen);
    const auto probe = plainProbe(server.url(), 300ms);
    const ProbeRun run = runProbe(*probe, 3s);
    const ProbeResult result = onlyResult(run);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("timed out after 300 ms"));
    EXPECT_FALSE(result.answered);
    EXPECT_FALSE(result.wrongAnswer);
    EXPECT_GE(result.elapsed, 300ms);
    EXPECT_GE(run.waited, 300ms);
    EXPECT_LT(run.waited, 2s);
    EXPECT_EQ(server.connections(), 1);
    EXPECT_EQ(server.requests().size(), 1);
    EXPECT_FALSE(probe->running());
    EXPECT_TRUE(waitUntil([&] { return server.openConnections() == 0; }, 1s))
        << server.openConnections() << " connection(s) still open";
}

// The timeout covers the whole exchange, the body too.
TEST(PlainHttpProbe, StalledBodyTimesOut)
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789",
                        After::KeepOpen);
    const ProbeRun run = runProbe(*plainProbe(server.url(), 300ms), 3s);
    const ProbeResult result = onlyResult(run);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("timed out after 300 ms"));
    EXPECT_FALSE(result.answered);
    EXPECT_LT(run.waited, 2s);
}

TEST(PlainHttpProbe, StartWhileRunningIsRefused)
{
    CannedServer server(QByteArray(), After::KeepOpen);
    const auto probe = plainProbe(server.url(), 300ms);
    expectStartRefusedWhileRunningAndFinishedOnce(*probe);
}

TEST(PlainHttpProbe, RefusedConnectionIsAFailure)
{
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()));
    const ProbeRun run = runProbe(*plainProbe(url));
    const ProbeResult result = onlyResult(run);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive))
        << result.detail.toStdString();
    EXPECT_FALSE(result.answered);
    EXPECT_FALSE(result.wrongAnswer);
    EXPECT_LT(run.waited, kPrompt);
}

QList<QByteArray> headerLines(const QByteArray &head)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines)
        line = line.trimmed();
    lines.removeAll(QByteArray());
    return lines;
}

TEST(PlainHttpProbe, RequestHasTheTargetHostAndConnectionClose)
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", After::Close);
    const auto probe = plainProbe(server.url(QStringLiteral("/health/check?full=1&name=a%20b")));
    const ProbeResult result = onlyResult(runProbe(*probe));
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    ASSERT_EQ(server.requests().size(), 1);
    const QByteArray request = server.requests()[0];
    EXPECT_TRUE(request.startsWith("GET /health/check?full=1&name=a%20b HTTP/1.1\r\n"))
        << request.toStdString();
    EXPECT_TRUE(request.endsWith("\r\n\r\n")) << request.toStdString();
    const QList<QByteArray> lines = headerLines(request);
    const QByteArray host = "Host: 127.0.0.1:" + QByteArray::number(server.port());
    EXPECT_EQ(lines.count(host), 1) << request.toStdString();
    EXPECT_EQ(lines.count("Connection: close"), 1) << request.toStdString();
    // Each header once; a GET has no body.
    qsizetype hosts = 0;
    for (const QByteArray &line : lines)
        hosts += line.toLower().startsWith("host:") ? 1 : 0;
    EXPECT_EQ(hosts, 1) << request.toStdString();
    EXPECT_FALSE(request.toLower().contains("content-length")) << request.toStdString();
    EXPECT_EQ(server.bytesAfterHeads(), 0);
}

TEST(PlainHttpProbe, RequestTargetDefaultsToTheRoot)
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", After::Close);
    const QUrl bare(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    EXPECT_TRUE(onlyResult(runProbe(*plainProbe(bare))).ok);
    const QUrl queryOnly(QStringLiteral("http://127.0.0.1:%1?ready").arg(server.port()));
    EXPECT_TRUE(onlyResult(runProbe(*plainProbe(queryOnly))).ok);
    const QUrl withFragment(QStringLiteral("http://127.0.0.1:%1/x#part").arg(server.port()));
    EXPECT_TRUE(onlyResult(runProbe(*plainProbe(withFragment))).ok);
    ASSERT_EQ(server.requests().size(), 3);
    EXPECT_TRUE(server.requests()[0].startsWith("GET / HTTP/1.1\r\n"))
        << server.requests()[0].toStdString();
    EXPECT_TRUE(server.requests()[1].startsWith("GET /?ready HTTP/1.1\r\n"))
        << server.requests()[1].toStdString();
    EXPECT_TRUE(server.requests()[2].startsWith("GET /x HTTP/1.1\r\n"))
        << server.requests()[2].toStdString();
}

TEST(PlainHttpProbe, OneConnectionPerRun)
{
    CannedServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", After::KeepOpen);
    const auto probe = plainProbe(server.url());
    for (int run = 0; run < 3; ++run) {
        const ProbeResult result = onlyResult(runProbe(*probe));
        EXPECT_TRUE(result.ok) << run << ": " << result.detail.toStdString();
    }
    EXPECT_EQ(server.connections(), 3);
    EXPECT_EQ(server.requests().size(), 3);
    EXPECT_TRUE(waitUntil([&] { return server.openConnections() == 0; }, 1s))
        << server.openConnections() << " connection(s) still open";
}

// RFC 9110 15.2: "A client MUST be able to parse one or more 1xx responses received prior
// to a final response, even if the client does not expect one." 103 Early Hints comes
// unasked, before the real answer to a plain GET.
TEST(PlainHttpProbe, InterimEarlyHintsAreNotTheAnswer)
{
    CannedServer server("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                        After::KeepOpen);
    const ProbeResult result = onlyResult(runProbe(*plainProbe(server.url())));
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
}

} // namespace
} // namespace anycast
