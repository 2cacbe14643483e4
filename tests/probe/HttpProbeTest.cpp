#include "tests/probe/LocalServers.h"
#include "tests/probe/ProbeRunner.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace probetest;

std::unique_ptr<Probe> httpProbe(const QUrl &url, int expectStatus = 200,
                                 std::chrono::milliseconds timeout = 2s)
{
    ProbeSpec spec = specFor(url.toString(), timeout);
    spec.expectStatus = expectStatus;
    return Probe::create(spec);
}

ProbeResult onlyResult(const ProbeRun &run)
{
    EXPECT_TRUE(run.started);
    EXPECT_EQ(run.results.size(), 1u);
    return run.results.empty() ? ProbeResult{false, QStringLiteral("no result"), {}}
                               : run.results[0];
}

TEST(HttpProbe, ExpectedStatusIsHealthy)
{
    LocalHttpServer server(200);
    const auto probe = httpProbe(server.url(QStringLiteral("/healthz")));
    const ProbeResult result = onlyResult(runProbe(*probe));
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_TRUE(result.detail.startsWith(QStringLiteral("HTTP 200 in ")))
        << result.detail.toStdString();
    ASSERT_EQ(server.requests().size(), 1);
    const QByteArray request = server.requests()[0].toLower();
    EXPECT_TRUE(request.startsWith("get /healthz http/1.1\r\n")) << request.toStdString();
    EXPECT_TRUE(request.contains("\r\nconnection: close")) << request.toStdString();
}

TEST(HttpProbe, OtherStatusIsAFailure)
{
    LocalHttpServer server(500);
    const auto probe = httpProbe(server.url());
    const ProbeResult result = onlyResult(runProbe(*probe));
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("HTTP 500 (expected 200)"));
}

TEST(HttpProbe, ExpectedStatusCanBeChanged)
{
    LocalHttpServer noContent(204);
    const ProbeResult ok = onlyResult(runProbe(*httpProbe(noContent.url(), 204)));
    EXPECT_TRUE(ok.ok) << ok.detail.toStdString();

    LocalHttpServer plain(200);
    const ProbeResult wrong = onlyResult(runProbe(*httpProbe(plain.url(), 204)));
    EXPECT_FALSE(wrong.ok);
    EXPECT_EQ(wrong.detail, QStringLiteral("HTTP 200 (expected 204)"));
}

TEST(HttpProbe, RedirectsAreNotFollowed)
{
    LocalHttpServer server(302, "Location: /elsewhere\r\n");
    const ProbeResult result = onlyResult(runProbe(*httpProbe(server.url())));
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("HTTP 302 (expected 200)"));
    EXPECT_EQ(server.requests().size(), 1);
}

TEST(HttpProbe, SilentServerTimesOut)
{
    LocalHttpServer server(std::nullopt);
    const auto probe = httpProbe(server.url(), 200, 200ms);
    const ProbeRun run = runProbe(*probe, 3s);
    const ProbeResult result = onlyResult(run);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("timed out after 200 ms"));
    EXPECT_GE(result.elapsed, 200ms);
    EXPECT_LT(run.waited, 2s);
    EXPECT_EQ(server.connections(), 1);
    EXPECT_FALSE(probe->running());
}

TEST(HttpProbe, StartWhileRunningIsRefused)
{
    LocalHttpServer server(std::nullopt);
    const auto probe = httpProbe(server.url(), 200, 300ms);
    int finishedCount = 0;
    QObject::connect(probe.get(), &Probe::finished, [&finishedCount] { ++finishedCount; });
    ASSERT_TRUE(probe->start());
    EXPECT_FALSE(probe->start());
    EXPECT_TRUE(waitUntil([&] { return finishedCount > 0; }, 3s));
    EXPECT_FALSE(waitUntil([&] { return finishedCount > 1; }, 300ms));
    EXPECT_EQ(finishedCount, 1);
    // The run is over, so the next one starts (and times out the same way).
    const ProbeRun again = runProbe(*probe, 3s);
    EXPECT_EQ(onlyResult(again).detail, QStringLiteral("timed out after 300 ms"));
}

TEST(HttpProbe, RefusedConnectionIsAFailure)
{
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()));
    const ProbeResult result = onlyResult(runProbe(*httpProbe(url)));
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive))
        << result.detail.toStdString();
}

// A self-signed certificate for 127.0.0.1 from the openssl command line tool.
bool makeSelfSignedCertificate(const QString &dir, QSslCertificate &certificate, QSslKey &key)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return false;
    QProcess process;
    process.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), dir + QStringLiteral("/key.pem"),
                   QStringLiteral("-out"), dir + QStringLiteral("/cert.pem")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return false;
    QFile certificateFile(dir + QStringLiteral("/cert.pem"));
    QFile keyFile(dir + QStringLiteral("/key.pem"));
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    certificate = QSslCertificate(&certificateFile, QSsl::Pem);
    key = QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem);
    return !certificate.isNull() && !key.isNull();
}

TEST(HttpProbe, HttpsRejectsACertificateNoSystemAuthoritySigned)
{
    // https probes are a feature: a build without a TLS backend must fail, not skip.
    ASSERT_TRUE(QSslSocket::supportsSsl()) << "no TLS backend";
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey key;
    ASSERT_TRUE(makeSelfSignedCertificate(dir.path(), certificate, key))
        << "could not make a certificate with openssl (scripts/install-deps installs it)";

    QSslServer server;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    server.setSslConfiguration(configuration);
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    int requests = 0;
    QObject::connect(&server, &QSslServer::pendingConnectionAvailable, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QIODevice::readyRead, socket, [&requests, socket] {
                ++requests;
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            });
        }
    });

    const QUrl url(QStringLiteral("https://127.0.0.1:%1/").arg(server.serverPort()));
    const ProbeResult result = onlyResult(runProbe(*httpProbe(url)));
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.detail.contains(QStringLiteral("SSL"), Qt::CaseInsensitive))
        << result.detail.toStdString();
    EXPECT_EQ(requests, 0);
}

} // namespace
} // namespace anycast
