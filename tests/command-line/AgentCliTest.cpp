#include "agent/support/FileDescriptor.h"
#include "common/SocketSample.h"
#include "tests/command-line/ConfigFolderTest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace anycast {
namespace {

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ProcessResult run(const QString &binary, const QStringList &arguments,
                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ANYCAST_BIN_DIR "/") + binary, arguments);
    EXPECT_TRUE(process.waitForFinished(30000)) << binary.toStdString() << " did not finish";
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// A real listener on an ephemeral loopback port, for the config to name.
class Listener
{
public:
    Listener()
        : m_fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        EXPECT_EQ(bind(m_fd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        EXPECT_EQ(listen(m_fd.get(), 7), 0);
        socklen_t length = sizeof address;
        getsockname(m_fd.get(), reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
    }
    quint16 port() const { return m_port; }

private:
    FileDescriptor m_fd;
    quint16 m_port = 0;
};

class AgentCli : public ConfigFolderTest
{
protected:
    QString configFor(quint16 port)
    {
        return writeConfig(QStringLiteral("[agent]\nnode = \"cli-test\"\nregion = \"lab\"\n"
                                          "[[service]]\nname = \"web\"\nports = [%1]\n")
                               .arg(port));
    }
};

TEST_F(AgentCli, MissingConfigFileExitsTwoWithReason)
{
    const ProcessResult result =
        run(QStringLiteral("anycast-agent"),
            {QStringLiteral("--config"), QStringLiteral("/nonexistent.toml"),
             QStringLiteral("--once")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains("/nonexistent.toml: cannot read")) << result.err.toStdString();
}

TEST_F(AgentCli, NoConfigIsAUsageError)
{
    const ProcessResult result = run(QStringLiteral("anycast-agent"), {QStringLiteral("--once")});
    EXPECT_EQ(result.exitCode, 64);
    EXPECT_TRUE(result.err.contains("--config FILE is required"));
}

TEST_F(AgentCli, OnceJsonIsAStrictSampleWithTheLiveListener)
{
    Listener listener;
    const ProcessResult result = run(QStringLiteral("anycast-agent"),
                                     {QStringLiteral("--config"), configFor(listener.port()),
                                      QStringLiteral("--once"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(result.out).object();
    EXPECT_EQ(report.value(QStringLiteral("node")).toString(), QStringLiteral("cli-test"));
    QString error;
    const auto sample =
        SocketSample::parse(report.value(QStringLiteral("sample")).toObject(), &error);
    ASSERT_TRUE(sample) << error.toStdString();
    EXPECT_EQ(sample->source, QStringLiteral("netlink"));
    ASSERT_EQ(sample->services.size(), 1);
    ASSERT_EQ(sample->services[0].listeners.size(), 1);
    EXPECT_EQ(sample->services[0].listeners[0].port, listener.port());
    EXPECT_EQ(sample->services[0].listeners[0].backlog, std::optional<quint32>(7));
    EXPECT_TRUE(sample->host.counters.contains(QStringLiteral("Tcp.RetransSegs")));
    const auto fast =
        ListenerSample::parse(report.value(QStringLiteral("listeners")).toObject(), &error);
    ASSERT_TRUE(fast) << error.toStdString();
    ASSERT_EQ(fast->services.size(), 1);
    EXPECT_EQ(fast->services[0].listeners.size(), 1);
}

TEST_F(AgentCli, OnceJsonCarriesVerdictsAndDesiredRoutes)
{
    Listener listener;
    const QString config = writeConfig(
        QStringLiteral(
            "[agent]\nregion = \"lab\"\n"
            "[[service]]\nname = \"up\"\nports = [%1]\nprefixes = [\"192.0.2.1/32\"]\n"
            "probe = \"tcp://127.0.0.1:%1\"\n"
            "[service.route]\nmed = 70\ncommunities = [\"65001:7\"]\n"
            "[[service]]\nname = \"gone\"\nports = [%2]\nprefixes = [\"192.0.2.2/32\"]\n")
            .arg(listener.port())
            .arg(Listener().port())); // a port nobody listens on any more
    const ProcessResult result =
        run(QStringLiteral("anycast-agent"), {QStringLiteral("--config"), config,
                                              QStringLiteral("--once"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray verdicts =
        QJsonDocument::fromJson(result.out).object().value(QStringLiteral("verdicts")).toArray();
    ASSERT_EQ(verdicts.size(), 2);
    const QJsonObject up = verdicts[0].toObject();
    EXPECT_EQ(up.value(QStringLiteral("health")).toString(), QStringLiteral("healthy"));
    EXPECT_TRUE(up.value(QStringLiteral("probe")).toObject().value(QStringLiteral("ok")).toBool());
    const QJsonObject upRoute = up.value(QStringLiteral("routes")).toArray().at(0).toObject();
    EXPECT_EQ(upRoute.value(QStringLiteral("state")).toString(), QStringLiteral("announced"));
    EXPECT_EQ(upRoute.value(QStringLiteral("med")).toInt(), 70);
    EXPECT_EQ(upRoute.value(QStringLiteral("communities")).toArray(),
              QJsonArray{QStringLiteral("65001:7")});

    const QJsonObject gone = verdicts[1].toObject();
    EXPECT_EQ(gone.value(QStringLiteral("health")).toString(), QStringLiteral("down"));
    const QJsonObject goneRoute = gone.value(QStringLiteral("routes")).toArray().at(0).toObject();
    EXPECT_EQ(goneRoute.value(QStringLiteral("state")).toString(), QStringLiteral("withdrawn"));
    EXPECT_TRUE(goneRoute.value(QStringLiteral("reason"))
                    .toString()
                    .startsWith(QStringLiteral("down: no listener on :")))
        << goneRoute.value(QStringLiteral("reason")).toString().toStdString();
}

TEST_F(AgentCli, OnceWithProcSamplerHasNoBacklog)
{
    Listener listener;
    const ProcessResult result =
        run(QStringLiteral("anycast-agent"),
            {QStringLiteral("--config"), configFor(listener.port()), QStringLiteral("--once"),
             QStringLiteral("--json"), QStringLiteral("--sampler"), QStringLiteral("proc")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    QString error;
    const auto sample = SocketSample::parse(
        QJsonDocument::fromJson(result.out).object().value(QStringLiteral("sample")).toObject(),
        &error);
    ASSERT_TRUE(sample) << error.toStdString();
    EXPECT_EQ(sample->source, QStringLiteral("proc"));
    ASSERT_EQ(sample->services[0].listeners.size(), 1);
    EXPECT_EQ(sample->services[0].listeners[0].backlog, std::nullopt);
}

TEST_F(AgentCli, OnceTextNamesTheServiceAndItsListener)
{
    Listener listener;
    const ProcessResult result =
        run(QStringLiteral("anycast-agent"),
            {QStringLiteral("--config"), configFor(listener.port()), QStringLiteral("--once")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QString text = QString::fromUtf8(result.out);
    EXPECT_TRUE(text.contains(QStringLiteral("service web (ports %1)").arg(listener.port())))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("127.0.0.1:%1 accept queue 0/7").arg(listener.port())))
        << text.toStdString();
}

TEST_F(AgentCli, UnreadableProcRootFailsWithTheFileName)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ANYCAST_PROC_ROOT"),
                       m_dir.filePath(QStringLiteral("empty")));
    const ProcessResult result =
        run(QStringLiteral("anycast-agent"),
            {QStringLiteral("--config"), configFor(80), QStringLiteral("--once"),
             QStringLiteral("--sampler"), QStringLiteral("proc")},
            environment);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains("empty/net/tcp")) << result.err.toStdString();
}

TEST_F(AgentCli, AnycastctlWithoutAnAgentSaysSoPlainly)
{
    // Everything else anycastctl does is tested against the real agent in tests/anycastctl.
    const ProcessResult ctl =
        run(QStringLiteral("anycastctl"),
            {QStringLiteral("--socket"), QStringLiteral("/nonexistent/api.sock"),
             QStringLiteral("status")});
    EXPECT_EQ(ctl.exitCode, 69);
    EXPECT_TRUE(ctl.err.contains("not running")) << ctl.err.toStdString();
    EXPECT_EQ(run(QStringLiteral("anycastctl"), {QStringLiteral("--version")}).exitCode, 0);
}

TEST_F(AgentCli, ExabgpConfigIsAcceptedByTheRealExabgp)
{
    const QString config = writeConfig(QStringLiteral(
        "[agent]\nnode = \"lab-2\"\nregion = \"lab\"\nbgp_socket = \"/tmp/anycast-test-bgp.sock\"\n"
        "[bgp]\nlocal_as = 65001\non_agent_loss = \"withdraw\"\n"
        "[[service]]\nname = \"web\"\nports = [80]\nprefixes = [\"192.0.2.1/32\", "
        "\"2001:db8::1/128\"]\n"));
    const ProcessResult generated =
        run(QStringLiteral("anycast-agent"),
            {QStringLiteral("--config"), config, QStringLiteral("exabgp-config"),
             QStringLiteral("--neighbor"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--neighbor"), QStringLiteral("127.0.0.3"), QStringLiteral("--peer-as"),
             QStringLiteral("65000"), QStringLiteral("--local-address"),
             QStringLiteral("127.0.0.2"), QStringLiteral("--connect"), QStringLiteral("10179")});
    ASSERT_EQ(generated.exitCode, 0) << generated.err.toStdString();
    const QString text = QString::fromUtf8(generated.out);
    EXPECT_TRUE(
        text.contains(QStringLiteral("anycast-exabgp-bridge --socket "
                                     "/tmp/anycast-test-bgp.sock --on-agent-loss withdraw")))
        << text.toStdString();
    EXPECT_EQ(text.count(QStringLiteral("neighbor-changes;")), 2);
    EXPECT_TRUE(text.contains(QStringLiteral("ipv6 unicast;")));

    const QString path = m_dir.filePath(QStringLiteral("exabgp.conf"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(generated.out);
    file.close();
    // ExaBGP's own parser is the judge: `exabgp --test` exits non-zero on any error.
    QProcess exabgp;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("exabgp.daemon.user"),
                       qEnvironmentVariable("USER", QStringLiteral("root")));
    exabgp.setProcessEnvironment(environment);
    exabgp.setProcessChannelMode(QProcess::MergedChannels);
    exabgp.start(QStringLiteral("exabgp"), {QStringLiteral("--test"), path});
    ASSERT_TRUE(exabgp.waitForFinished(60000));
    EXPECT_EQ(exabgp.exitCode(), 0) << exabgp.readAll().toStdString();
}

TEST_F(AgentCli, ExabgpConfigRefusesMissingPeerAs)
{
    const ProcessResult result =
        run(QStringLiteral("anycast-agent"),
            {QStringLiteral("--config"), QStringLiteral(ANYCAST_SOURCE_DIR "/examples/agent.toml"),
             QStringLiteral("exabgp-config"), QStringLiteral("--neighbor"),
             QStringLiteral("127.0.0.1")});
    EXPECT_EQ(result.exitCode, 64);
    EXPECT_TRUE(result.err.contains("--peer-as")) << result.err.toStdString();
}

TEST_F(AgentCli, ConsoleStartsOffscreenAndSavesAScreenshot)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QString png = m_dir.filePath(QStringLiteral("console.png"));
    const ProcessResult result =
        run(QStringLiteral("anycast-console"),
            {QStringLiteral("--inventory"), m_dir.filePath(QStringLiteral("no-fleet.toml")),
             QStringLiteral("--screenshot"), png, QStringLiteral("--after"), QStringLiteral("0.2"),
             QStringLiteral("--lang"), QStringLiteral("de")},
            environment);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    QFile file(png);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(24);
    ASSERT_TRUE(header.startsWith("\x89PNG\r\n\x1a\n"));
    // IHDR width and height, big-endian: the window's default 1200 x 700.
    const auto be32 = [&header](int at) {
        return (quint32(quint8(header[at])) << 24) | (quint32(quint8(header[at + 1])) << 16) |
               (quint32(quint8(header[at + 2])) << 8) | quint32(quint8(header[at + 3]));
    };
    EXPECT_EQ(be32(16), 1200u);
    EXPECT_EQ(be32(20), 700u);
}

} // namespace
} // namespace anycast
