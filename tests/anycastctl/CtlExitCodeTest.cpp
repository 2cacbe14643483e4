#include "tests/anycastctl/CtlTestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <cstring>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

// Every way a call can fail has its own exit code (docs/API.md, "anycastctl"), so scripts
// can tell a missing agent from a refusal. Each is provoked for real: missing and dead
// sockets, a silent or garbled stand-in agent, and users the socket or the agent turn away.
namespace anycast::ctltest {
namespace {

class CtlExitCodeTest : public CtlAgentTest
{};

TEST_F(CtlExitCodeTest, UsageErrorsAre64BeforeConnecting)
{
    // No agent at all: a usage error must not even try to connect.
    EXPECT_EQ(ctl({}).exitCode, 64);
    EXPECT_EQ(ctl({QStringLiteral("frobnicate")}).exitCode, 64);
    EXPECT_EQ(ctl({QStringLiteral("status"), QStringLiteral("--bogus")}).exitCode, 64);
    EXPECT_EQ(ctl({QStringLiteral("status"), QStringLiteral("extra")}).exitCode, 64);
    EXPECT_EQ(ctl({QStringLiteral("--timeout"), QStringLiteral("soon"), QStringLiteral("status")})
                  .exitCode,
              64);
    EXPECT_EQ(
        ctl({QStringLiteral("events"), QStringLiteral("--limit"), QStringLiteral("0")}).exitCode,
        64);
    const CtlResult drain =
        ctl({QStringLiteral("drain"), QStringLiteral("--ticket"), QStringLiteral("T-1")});
    EXPECT_EQ(drain.exitCode, 64);
    EXPECT_TRUE(drain.err.contains(QStringLiteral("--reason")));
    EXPECT_FALSE(drain.err.contains(QStringLiteral("not running")));
}

// anycastctl never sends what the agent would refuse: an empty --service must not become
// "the whole node", and a blank or padded reason is refused, not trimmed.
TEST_F(CtlExitCodeTest, TextTheAgentWouldRefuseIsAUsageError)
{
    const QString reason = QStringLiteral("--reason");
    const QString service = QStringLiteral("--service");
    const QString ticket = QStringLiteral("--ticket");
    const QString ok = QStringLiteral("maintenance");
    const struct
    {
        QStringList arguments;
        QString message;
    } table[] = {
        {{reason, QString()}, QStringLiteral("--reason must not be empty")},
        {{reason, QStringLiteral("   ")}, QStringLiteral("--reason must not be blank")},
        {{reason, QStringLiteral(" kernel")}, QStringLiteral("--reason must not start or end")},
        {{reason, QStringLiteral("kernel\n")}, QStringLiteral("--reason must not start or end")},
        {{reason, QStringLiteral("a\x1b[2Jb")},
         QStringLiteral("--reason must not contain control")},
        {{reason, QString(501, QLatin1Char('r'))}, QStringLiteral("--reason longer than 500")},
        {{reason, ok, service, QString()}, QStringLiteral("--service must not be empty")},
        {{reason, ok, service, QStringLiteral(" ")}, QStringLiteral("--service must not be blank")},
        {{reason, ok, service, QStringLiteral("web ")},
         QStringLiteral("--service must not start or end")},
        {{reason, ok, ticket, QString()}, QStringLiteral("--ticket must not be empty")},
        {{reason, ok, ticket, QStringLiteral("\tCHG-1")},
         QStringLiteral("--ticket must not start or end")},
    };
    for (const QString &command : {QStringLiteral("drain"), QStringLiteral("undrain")}) {
        for (const auto &row : table) {
            SCOPED_TRACE((command + u' ' + row.arguments.join(u' ')).toStdString());
            const CtlResult result = ctl(QStringList{command} + row.arguments);
            EXPECT_EQ(result.exitCode, 64);
            EXPECT_TRUE(result.err.contains(row.message)) << result.err.toStdString();
            // Refused before connecting: no agent runs here.
            EXPECT_FALSE(result.err.contains(QStringLiteral("not running")))
                << result.err.toStdString();
        }
    }
}

TEST_F(CtlExitCodeTest, HelpListsTheExitCodes)
{
    const CtlResult help = runCtl({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("Exit codes:")));
    for (const char *code : {"64", "69", "75", "76", "77"})
        EXPECT_TRUE(help.out.contains(QStringLiteral("  %1  ").arg(QLatin1String(code)))) << code;
    EXPECT_EQ(runCtl({QStringLiteral("drain"), QStringLiteral("--help")}).exitCode, 0);
    EXPECT_EQ(runCtl({QStringLiteral("--version")}).exitCode, 0);
}

TEST_F(CtlExitCodeTest, MissingSocketIsNotRunning)
{
    const CtlResult status = ctl({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 69);
    EXPECT_TRUE(status.err.contains(
        QStringLiteral("the agent is not running (no socket at %1)").arg(socketPath())))
        << status.err.toStdString();
}

TEST_F(CtlExitCodeTest, SocketFileWithNobodyListeningIsRefused)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(socketPath());
    std::memcpy(address.sun_path, encoded.constData(), static_cast<size_t>(encoded.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd); // the file stays, like the socket of an agent that crashed
    ASSERT_TRUE(QFile::exists(socketPath()));
    const CtlResult status = ctl({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 69);
    EXPECT_TRUE(status.err.contains(QStringLiteral("refused the connection")))
        << status.err.toStdString();
}

TEST_F(CtlExitCodeTest, SilentAgentTimesOut)
{
    const FakeAgent silent(socketPath(), {});
    ASSERT_TRUE(silent.listening());
    QElapsedTimer timer;
    timer.start();
    const CtlResult status =
        ctl({QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 75);
    EXPECT_TRUE(status.err.contains(QStringLiteral("within 1 s"))) << status.err.toStdString();
    EXPECT_GE(timer.elapsed(), 900);
    EXPECT_LT(timer.elapsed(), 8000);
}

TEST_F(CtlExitCodeTest, ReplyThatIsNotJsonIsAProtocolError)
{
    const FakeAgent garbled(socketPath(), "HTTP/1.1 400 Bad Request\r\n\r\n");
    ASSERT_TRUE(garbled.listening());
    const CtlResult status = ctl({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 76);
    EXPECT_TRUE(status.err.contains(QStringLiteral("protocol error"))) << status.err.toStdString();
}

TEST_F(CtlExitCodeTest, JsonThatIsNotJsonRpcIsAProtocolError)
{
    const FakeAgent wrong(socketPath(), "{\"status\": \"ok\"}\n");
    ASSERT_TRUE(wrong.listening());
    EXPECT_EQ(ctl({QStringLiteral("status")}).exitCode, 76);
}

TEST_F(CtlExitCodeTest, ReplyToAnotherRequestIsAProtocolError)
{
    const FakeAgent confused(socketPath(), "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}\n");
    ASSERT_TRUE(confused.listening());
    EXPECT_EQ(ctl({QStringLiteral("status")}).exitCode, 76);
}

TEST_F(CtlExitCodeTest, AgentClosingTheConnectionIsUnavailable)
{
    const FakeAgent rude(socketPath(), {}, true);
    ASSERT_TRUE(rude.listening());
    const CtlResult status = ctl({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 69);
    EXPECT_TRUE(status.err.contains(QStringLiteral("closed the connection")))
        << status.err.toStdString();
}

TEST_F(CtlExitCodeTest, UserOutsideTheSocketsGroupIsDenied)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    constexpr uid_t kNobody = 65534;
    const CtlResult status = ctl({QStringLiteral("status")}, asUser(kNobody, kNobody));
    EXPECT_EQ(status.exitCode, 77);
    EXPECT_TRUE(status.err.contains(
        QStringLiteral("permission denied on %1: you must be in group root").arg(socketPath())))
        << status.err.toStdString();
}

// A system group and a user in it, made for one test and removed after it, whatever happens.
class CtlNonOperatorTest : public CtlAgentTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(CtlAgentTest::SetUp());
        m_name = QStringLiteral("anycast-ctl-%1").arg(::getpid());
        ASSERT_EQ(
            QProcess::execute(QStringLiteral("groupadd"), {QStringLiteral("--system"), m_name}), 0);
        m_groupMade = true;
        ASSERT_EQ(QProcess::execute(QStringLiteral("useradd"),
                                    {QStringLiteral("--system"), QStringLiteral("--no-create-home"),
                                     QStringLiteral("--shell"), QStringLiteral("/usr/sbin/nologin"),
                                     QStringLiteral("--gid"), m_name, m_name}),
                  0);
        m_userMade = true;
        const passwd *user = ::getpwnam(m_name.toLocal8Bit().constData());
        ASSERT_NE(user, nullptr);
        m_uid = user->pw_uid;
        m_gid = user->pw_gid;
    }

    void TearDown() override
    {
        CtlAgentTest::TearDown();
        if (m_userMade)
            QProcess::execute(QStringLiteral("userdel"), {m_name});
        if (m_groupMade)
            QProcess::execute(QStringLiteral("groupdel"), {m_name});
    }

    QString m_name;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    bool m_groupMade = false;
    bool m_userMade = false;
};

TEST_F(CtlNonOperatorTest, MayReadButNotDrain)
{
    // The user may connect (api_group) but is not an operator (operators_group is root).
    ASSERT_NO_FATAL_FAILURE(startAgent(m_name));
    const CtlResult status = ctl({QStringLiteral("status")}, asUser(m_uid, m_gid));
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_TRUE(status.out.contains(QStringLiteral("node ctl-1")));

    const CtlResult drain =
        ctl({QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("x")},
            asUser(m_uid, m_gid));
    EXPECT_EQ(drain.exitCode, 77);
    EXPECT_TRUE(drain.err.startsWith(QStringLiteral("anycastctl: permission denied")))
        << drain.err.toStdString();
    EXPECT_TRUE(drain.err.contains(QStringLiteral("group 'root'"))) << drain.err.toStdString();
    EXPECT_FALSE(QFile::exists(statePath()));
}

} // namespace
} // namespace anycast::ctltest
