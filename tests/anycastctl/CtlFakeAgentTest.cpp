#include "common/protocol/SamplePoint.h"
#include "tests/anycastctl/CtlTestSupport.h"

#include <QJsonDocument>
#include <QProcess>

#include <csignal>

// anycastctl against a fake agent (CtlTestSupport's FakeAgent, on a socket the test makes)
// that answers what the real agent never does: garbage, a result of the wrong shape, a
// malformed notification, a refusal without an id. Each must end in its own exit code and a
// message that says what came, never in output that looks like data.
namespace anycast::ctltest {
namespace {

class CtlFakeAgentTest : public CtlAgentTest
{
protected:
    // `watch --json` against the fake; returns once the process runs.
    void startWatch(QProcess &watch)
    {
        watch.start(ctlBinary(), {QStringLiteral("--socket"), socketPath(), QStringLiteral("watch"),
                                  QStringLiteral("--json")});
        ASSERT_TRUE(watch.waitForStarted(static_cast<int>(kPatience.count())));
    }
};

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// The reply the real agent gives to `subscribe` (the first request, so id 1).
QByteArray subscribed()
{
    return line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                 {QStringLiteral("id"), 1},
                 {QStringLiteral("result"),
                  QJsonObject{{QStringLiteral("topics"),
                               QJsonArray{QStringLiteral("event"), QStringLiteral("sample")}}}}});
}

QByteArray notification(const QString &method, const QJsonObject &params)
{
    return line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                 {QStringLiteral("method"), method},
                 {QStringLiteral("params"), params}});
}

TEST_F(CtlFakeAgentTest, GarbageIsAProtocolErrorThatShowsWhatCame)
{
    const FakeAgent fake(socketPath(), "HTTP/1.1 400 Bad Request\r\n\r\n");
    ASSERT_TRUE(fake.listening());
    const CtlResult status = ctl({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 76);
    EXPECT_TRUE(status.err.startsWith(QStringLiteral("anycastctl: protocol error: not a JSON "
                                                     "object")))
        << status.err.toStdString();
    EXPECT_TRUE(status.err.contains(QStringLiteral("HTTP/1.1 400 Bad Request")))
        << status.err.toStdString();
    EXPECT_EQ(status.err.count(u'\n'), 1) << status.err.toStdString();
    EXPECT_TRUE(status.out.isEmpty()) << status.out.toStdString();
}

TEST_F(CtlFakeAgentTest, AResultThatIsNotAStatusIsAProtocolErrorEvenWithJson)
{
    const FakeAgent fake(socketPath(),
                         line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                               {QStringLiteral("id"), 1},
                               {QStringLiteral("result"),
                                QJsonObject{{QStringLiteral("node"), QStringLiteral("x")}}}}));
    ASSERT_TRUE(fake.listening());
    // --json prints the agent's result only once it read as a status.
    const CtlResult status = ctl({QStringLiteral("status"), QStringLiteral("--json")});
    EXPECT_EQ(status.exitCode, 76);
    EXPECT_TRUE(status.err.startsWith(
        QStringLiteral("anycastctl: protocol error: malformed reply to status: ")))
        << status.err.toStdString();
    EXPECT_TRUE(status.out.isEmpty()) << status.out.toStdString();
}

TEST_F(CtlFakeAgentTest, ARefusalWithoutAnIdIsTheAgentsAnswer)
{
    const FakeAgent fake(socketPath(),
                         line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                               {QStringLiteral("id"), QJsonValue()},
                               {QStringLiteral("error"),
                                QJsonObject{{QStringLiteral("code"), -32005},
                                            {QStringLiteral("message"),
                                             QStringLiteral("too many clients (64); try again "
                                                            "later")}}}}));
    ASSERT_TRUE(fake.listening());
    const CtlResult status = ctl({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 1);
    EXPECT_EQ(status.err, QStringLiteral("anycastctl: too many clients (64); try again later\n"));
}

TEST_F(CtlFakeAgentTest, WatchStopsWithExitZeroOnSigterm)
{
    SamplePoint sample;
    sample.time =
        QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00.000Z"), Qt::ISODateWithMs);
    const FakeAgent fake(socketPath(),
                         subscribed() + notification(QStringLiteral("sample"), sample.toJson()));
    ASSERT_TRUE(fake.listening());
    QProcess watch;
    ASSERT_NO_FATAL_FAILURE(startWatch(watch));
    QByteArray buffer;
    // The sample is printed: the watch is in its loop, with the stop signals caught.
    const auto printed = waitForOutputLine(watch, buffer, [](const QString &text) {
        return parseObject(text).value(QStringLiteral("time")).isString();
    });
    ASSERT_TRUE(printed) << watch.readAllStandardError().toStdString();
    EXPECT_EQ(parseObject(*printed), sample.toJson());
    ::kill(static_cast<pid_t>(watch.processId()), SIGTERM);
    ASSERT_TRUE(watch.waitForFinished(static_cast<int>(kPatience.count())));
    EXPECT_EQ(watch.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(watch.exitCode(), 0) << watch.readAllStandardError().toStdString();
}

TEST_F(CtlFakeAgentTest, WatchEndsOnAMalformedSampleWithAProtocolError)
{
    const FakeAgent fake(socketPath(),
                         subscribed() +
                             notification(QStringLiteral("sample"),
                                          {{QStringLiteral("time"), QStringLiteral("yesterday")}}));
    ASSERT_TRUE(fake.listening());
    QProcess watch;
    ASSERT_NO_FATAL_FAILURE(startWatch(watch));
    ASSERT_TRUE(watch.waitForFinished(static_cast<int>(kPatience.count())));
    EXPECT_EQ(watch.exitCode(), 76);
    EXPECT_TRUE(watch.readAllStandardOutput().isEmpty());
    EXPECT_TRUE(watch.readAllStandardError().startsWith(
        "anycastctl: protocol error: malformed sample: time"));
}

TEST_F(CtlFakeAgentTest, WatchSaysTheAgentWentAwayWhenItIsTurnedAway)
{
    const FakeAgent fake(
        socketPath(),
        subscribed() +
            line({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                  {QStringLiteral("id"), QJsonValue()},
                  {QStringLiteral("error"),
                   QJsonObject{{QStringLiteral("code"), -32005},
                               {QStringLiteral("message"), QStringLiteral("not reading")}}}}));
    ASSERT_TRUE(fake.listening());
    QProcess watch;
    ASSERT_NO_FATAL_FAILURE(startWatch(watch));
    ASSERT_TRUE(watch.waitForFinished(static_cast<int>(kPatience.count())));
    EXPECT_EQ(watch.exitCode(), 69);
    EXPECT_EQ(watch.readAllStandardError(), "anycastctl: the agent went away (not reading)\n");
}

} // namespace
} // namespace anycast::ctltest
