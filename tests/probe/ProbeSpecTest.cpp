#include "agent/probe/ProbeSpec.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

ProbeSpec parsed(const QString &text)
{
    auto spec = ProbeSpec::parse(text);
    EXPECT_TRUE(spec) << text.toStdString() << ": " << spec.error().toStdString();
    return spec ? spec.value() : ProbeSpec();
}

std::string errorOf(const QString &text)
{
    const auto spec = ProbeSpec::parse(text);
    EXPECT_FALSE(spec) << "expected an error for " << text.toStdString();
    return spec ? std::string() : spec.error().toStdString();
}

TEST(ProbeSpec, TcpWithIpv4HostAndPort)
{
    const ProbeSpec spec = parsed(QStringLiteral("tcp://127.0.0.1:443"));
    EXPECT_EQ(spec.kind, ProbeSpec::Kind::Tcp);
    EXPECT_EQ(spec.host, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(spec.port, 443);
    EXPECT_EQ(spec.toString(), QStringLiteral("tcp://127.0.0.1:443"));
}

TEST(ProbeSpec, TcpWithHostNameAndEdgePorts)
{
    EXPECT_EQ(parsed(QStringLiteral("tcp://db.internal:1")).port, 1);
    const ProbeSpec spec = parsed(QStringLiteral("  TCP://db.internal:65535 "));
    EXPECT_EQ(spec.host, QStringLiteral("db.internal"));
    EXPECT_EQ(spec.port, 65535);
}

TEST(ProbeSpec, TcpWithBracketedIpv6)
{
    const ProbeSpec spec = parsed(QStringLiteral("tcp://[::1]:8080"));
    EXPECT_EQ(spec.kind, ProbeSpec::Kind::Tcp);
    EXPECT_EQ(spec.host, QStringLiteral("::1"));
    EXPECT_EQ(spec.port, 8080);
    EXPECT_EQ(spec.toString(), QStringLiteral("tcp://[::1]:8080"));
    EXPECT_EQ(parsed(QStringLiteral("tcp://[2001:db8::5]:53")).host, QStringLiteral("2001:db8::5"));
}

TEST(ProbeSpec, DefaultsAreLeftForTheCaller)
{
    const ProbeSpec spec = parsed(QStringLiteral("http://127.0.0.1/healthz"));
    EXPECT_EQ(spec.expectStatus, 200);
    EXPECT_EQ(spec.timeout, std::chrono::milliseconds(1000));
}

TEST(ProbeSpec, HttpAndHttps)
{
    const ProbeSpec http = parsed(QStringLiteral("http://127.0.0.1:8080/healthz?deep=1"));
    EXPECT_EQ(http.kind, ProbeSpec::Kind::Http);
    EXPECT_EQ(http.url.host(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(http.url.port(), 8080);
    EXPECT_EQ(http.url.path(), QStringLiteral("/healthz"));
    EXPECT_EQ(http.toString(), QStringLiteral("http://127.0.0.1:8080/healthz?deep=1"));

    const ProbeSpec https = parsed(QStringLiteral("https://[::1]/"));
    EXPECT_EQ(https.kind, ProbeSpec::Kind::Http);
    EXPECT_EQ(https.url.scheme(), QStringLiteral("https"));
    EXPECT_EQ(https.url.host(), QStringLiteral("::1"));
}

TEST(ProbeSpec, HttpPasswordStaysOutOfTheText)
{
    const ProbeSpec spec = parsed(QStringLiteral("https://probe:secret@example.net/health"));
    EXPECT_EQ(spec.url.password(), QStringLiteral("secret"));
    EXPECT_EQ(spec.toString(), QStringLiteral("https://probe@example.net/health"));
}

TEST(ProbeSpec, ExecSplitsTheCommand)
{
    const ProbeSpec spec = parsed(QStringLiteral("exec:/usr/bin/check --fast \"two words\""));
    EXPECT_EQ(spec.kind, ProbeSpec::Kind::Exec);
    EXPECT_EQ(spec.command, (QStringList{QStringLiteral("/usr/bin/check"), QStringLiteral("--fast"),
                                         QStringLiteral("two words")}));
    EXPECT_EQ(parsed(QStringLiteral("exec: /bin/true")).command,
              QStringList{QStringLiteral("/bin/true")});
}

TEST(ProbeSpec, ExecTextRoundTrips)
{
    // Quotes and spaces survive; an empty argument cannot: QProcess::splitCommand drops it.
    const QStringList command{QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                              QStringLiteral("echo \"hi\" there")};
    ProbeSpec spec;
    spec.kind = ProbeSpec::Kind::Exec;
    spec.command = command;
    EXPECT_EQ(parsed(spec.toString()).command, command) << spec.toString().toStdString();
}

TEST(ProbeSpec, TcpErrorsSayWhatIsMissing)
{
    EXPECT_EQ(errorOf(QStringLiteral("tcp://127.0.0.1")),
              "probe 'tcp://127.0.0.1': tcp probe needs a port (tcp://HOST:PORT)");
    EXPECT_EQ(errorOf(QStringLiteral("tcp://127.0.0.1:")),
              "probe 'tcp://127.0.0.1:': tcp probe needs a port (tcp://HOST:PORT)");
    EXPECT_EQ(errorOf(QStringLiteral("tcp://[::1]")),
              "probe 'tcp://[::1]': tcp probe needs a port (tcp://HOST:PORT)");
    EXPECT_EQ(errorOf(QStringLiteral("tcp://")),
              "probe 'tcp://': tcp probe needs a host and a port (tcp://HOST:PORT)");
    EXPECT_EQ(errorOf(QStringLiteral("tcp://:80")),
              "probe 'tcp://:80': tcp probe needs a host (tcp://HOST:PORT)");
}

TEST(ProbeSpec, TcpRejectsBadPorts)
{
    for (const char *port : {"0", "65536", "99999", "-1", "+80", "8o", " 80", "0x50", "123456"}) {
        const QString text = QStringLiteral("tcp://127.0.0.1:") + QLatin1String(port);
        EXPECT_NE(errorOf(text).find("is not a number from 1 to 65535"), std::string::npos) << port;
    }
}

TEST(ProbeSpec, TcpRejectsBadHosts)
{
    EXPECT_EQ(errorOf(QStringLiteral("tcp://::1:80")),
              "probe 'tcp://::1:80': an IPv6 address needs brackets (tcp://[::1]:PORT)");
    EXPECT_EQ(errorOf(QStringLiteral("tcp://[::1:80")),
              "probe 'tcp://[::1:80': IPv6 address is missing its ']' (tcp://HOST:PORT)");
    EXPECT_EQ(errorOf(QStringLiteral("tcp://[zz::1]:80")),
              "probe 'tcp://[zz::1]:80': 'zz::1' is not an IPv6 address");
    EXPECT_EQ(errorOf(QStringLiteral("tcp://[::1]80")),
              "probe 'tcp://[::1]80': expected ':PORT' after ']' (tcp://HOST:PORT)");
    EXPECT_EQ(errorOf(QStringLiteral("tcp://bad_host!:80")),
              "probe 'tcp://bad_host!:80': 'bad_host!' is not a valid host name");
    EXPECT_NE(errorOf(QStringLiteral("tcp://127.0.0.1:80/path")).find("no path"),
              std::string::npos);
    EXPECT_NE(errorOf(QStringLiteral("tcp://user@127.0.0.1:80")).find("no path"),
              std::string::npos);
}

TEST(ProbeSpec, HttpErrors)
{
    EXPECT_NE(errorOf(QStringLiteral("http://")).find("probe 'http://': "), std::string::npos);
    EXPECT_NE(errorOf(QStringLiteral("https:///healthz")).find("needs a host"), std::string::npos);
    EXPECT_NE(errorOf(QStringLiteral("http://127.0.0.1:99999/")).find("not a valid URL"),
              std::string::npos);
}

TEST(ProbeSpec, ExecErrors)
{
    EXPECT_EQ(errorOf(QStringLiteral("exec:")),
              "probe 'exec:': exec probe needs a command (exec:/path/to/cmd args)");
    EXPECT_EQ(errorOf(QStringLiteral("exec:   ")),
              "probe 'exec:': exec probe needs a command (exec:/path/to/cmd args)");
    EXPECT_EQ(errorOf(QStringLiteral("exec:check --fast")),
              "probe 'exec:check --fast': exec probe needs an absolute program path, not 'check' "
              "(exec:/path/to/cmd args)");
}

TEST(ProbeSpec, UnknownFormsNameTheAcceptedOnes)
{
    const std::string expected = ": unknown kind of probe; use tcp://HOST:PORT, http(s)://URL or "
                                 "exec:/path/to/cmd args";
    for (const char *text : {"", "udp://127.0.0.1:53", "127.0.0.1:80", "ftp://host/", "/bin/true"})
        EXPECT_EQ(errorOf(QString::fromLatin1(text)),
                  "probe '" + std::string(text) + "'" + expected);
}

} // namespace
} // namespace anycast
