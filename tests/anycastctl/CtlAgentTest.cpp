#include "tests/anycastctl/CtlTestSupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QThread>

#include <signal.h>

// anycastctl against the real agent: what operators read (tables, JSON) and what they do
// (drain, undrain), each checked against the agent's own view afterwards.
namespace anycast::ctltest {
namespace {

QStringList eventKinds(const QJsonObject &events)
{
    QStringList kinds;
    for (const QJsonValue &event : events.value(QStringLiteral("events")).toArray())
        kinds.append(event.toObject().value(QStringLiteral("kind")).toString());
    return kinds;
}

QString nodeState(const QJsonObject &status)
{
    return status.value(QStringLiteral("operator"))
        .toObject()
        .value(QStringLiteral("node_state"))
        .toString();
}

TEST_F(CtlAgentTest, StatusTableNamesTheNodeRegionServiceAndPrefix)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    const CtlResult status = ctl({QStringLiteral("status")});
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_TRUE(status.out.contains(QStringLiteral("node ctl-1"))) << status.out.toStdString();
    EXPECT_TRUE(status.out.contains(QStringLiteral("region ctl-region")));
    EXPECT_TRUE(status.out.contains(QStringLiteral("operator active")));
    EXPECT_TRUE(status.out.contains(QStringLiteral("SERVICE")));
    EXPECT_TRUE(status.out.contains(QStringLiteral("\nweb ")));
    EXPECT_TRUE(status.out.contains(QStringLiteral("  192.0.2.1/32  ")));
    EXPECT_FALSE(status.out.contains(QStringLiteral("Drains in force")));
}

TEST_F(CtlAgentTest, StatusJsonIsTheAgentsStatus)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    const QJsonObject status = statusJson();
    ASSERT_TRUE(status.value(QStringLiteral("services")).isArray());
    EXPECT_EQ(status.value(QStringLiteral("services")).toArray().first()[QStringLiteral("name")],
              QStringLiteral("web"));
    EXPECT_EQ(status.value(QStringLiteral("node")), QStringLiteral("ctl-1"));
}

TEST_F(CtlAgentTest, SocketComesFromTheEnvironmentWithoutSocketOption)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    const CtlResult status = runCtl({QStringLiteral("status")}, {},
                                    {QStringLiteral("ANYCAST_API_SOCKET=") + socketPath()});
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_TRUE(status.out.contains(QStringLiteral("node ctl-1")));
}

TEST_F(CtlAgentTest, DrainWithoutReasonIsAUsageErrorAndChangesNothing)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    const CtlResult drain = ctl({QStringLiteral("drain")});
    EXPECT_EQ(drain.exitCode, 64);
    EXPECT_TRUE(drain.err.contains(QStringLiteral("--reason"))) << drain.err.toStdString();
    EXPECT_EQ(ctl({QStringLiteral("undrain"), QStringLiteral("--reason"), QString()}).exitCode, 64);
    EXPECT_EQ(nodeState(statusJson()), QStringLiteral("active"));
    EXPECT_FALSE(QFile::exists(statePath()));
    const CtlResult events = ctl({QStringLiteral("events"), QStringLiteral("--json")});
    EXPECT_FALSE(eventKinds(parseObject(events.out)).contains(QStringLiteral("drain")));
}

TEST_F(CtlAgentTest, DrainShowsInStatusAndEventsAndUndrainReverts)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    const CtlResult drain =
        ctl({QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("kernel upgrade"),
             QStringLiteral("--ticket"), QStringLiteral("CHG-42")});
    ASSERT_EQ(drain.exitCode, 0) << drain.err.toStdString();
    EXPECT_TRUE(drain.out.contains(QStringLiteral("draining"))) << drain.out.toStdString();
    EXPECT_TRUE(QFile::exists(statePath()));

    const QJsonObject status = statusJson();
    EXPECT_TRUE(QStringList({QStringLiteral("drained"), QStringLiteral("draining")})
                    .contains(nodeState(status)))
        << nodeState(status).toStdString();
    const CtlResult table = ctl({QStringLiteral("status")});
    EXPECT_TRUE(table.out.contains(QStringLiteral("Drains in force"))) << table.out.toStdString();
    EXPECT_TRUE(table.out.contains(QStringLiteral("CHG-42")));
    EXPECT_TRUE(table.out.contains(QStringLiteral("kernel upgrade")));
    EXPECT_TRUE(table.out.contains(QStringLiteral("root")));

    const CtlResult events = ctl({QStringLiteral("events")});
    ASSERT_EQ(events.exitCode, 0);
    EXPECT_TRUE(events.out.contains(QStringLiteral(" drain "))) << events.out.toStdString();
    const CtlResult eventsJson = ctl({QStringLiteral("events"), QStringLiteral("--json"),
                                      QStringLiteral("--limit"), QStringLiteral("1000")});
    EXPECT_TRUE(eventKinds(parseObject(eventsJson.out)).contains(QStringLiteral("drain")));

    const CtlResult undrain =
        ctl({QStringLiteral("undrain"), QStringLiteral("--reason"), QStringLiteral("done")});
    ASSERT_EQ(undrain.exitCode, 0) << undrain.err.toStdString();
    EXPECT_TRUE(undrain.out.contains(QStringLiteral("undrained"))) << undrain.out.toStdString();
    EXPECT_EQ(nodeState(statusJson()), QStringLiteral("active"));
}

TEST_F(CtlAgentTest, DrainOfAnUnknownServiceIsTheAgentsError)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    const CtlResult drain =
        ctl({QStringLiteral("drain"), QStringLiteral("--service"), QStringLiteral("nosuch"),
             QStringLiteral("--reason"), QStringLiteral("x")});
    EXPECT_EQ(drain.exitCode, 1);
    EXPECT_TRUE(drain.err.startsWith(QStringLiteral("anycastctl: ")));
    EXPECT_TRUE(drain.err.contains(QStringLiteral("no service named"))) << drain.err.toStdString();
    EXPECT_EQ(nodeState(statusJson()), QStringLiteral("active"));
}

TEST_F(CtlAgentTest, DrainOfOneServiceImmediately)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    const CtlResult drain =
        ctl({QStringLiteral("drain"), QStringLiteral("--service"), QStringLiteral("web"),
             QStringLiteral("--reason"), QStringLiteral("x"), QStringLiteral("--immediate"),
             QStringLiteral("--json")});
    ASSERT_EQ(drain.exitCode, 0) << drain.err.toStdString();
    const QJsonObject reply = parseObject(drain.out);
    EXPECT_EQ(reply.value(QStringLiteral("target")), QStringLiteral("web"));
    EXPECT_EQ(reply.value(QStringLiteral("drain")).toObject().value(QStringLiteral("mode")),
              QStringLiteral("immediate"));
    const QJsonObject web =
        statusJson().value(QStringLiteral("services")).toArray().first().toObject();
    EXPECT_EQ(web.value(QStringLiteral("operator_state")), QStringLiteral("drained"));
}

TEST_F(CtlAgentTest, WatchPrintsSamplesAndEventsUntilSigterm)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    QProcess watch;
    watch.start(ctlBinary(), {QStringLiteral("--socket"), socketPath(), QStringLiteral("watch"),
                              QStringLiteral("--json")});
    QByteArray buffer;
    const auto sample = waitForOutputLine(watch, buffer, [](const QString &line) {
        return parseObject(line).value(QStringLiteral("services")).isArray();
    });
    ASSERT_TRUE(sample) << "no sample line; stderr: " << watch.readAllStandardError().toStdString();

    const CtlResult drain =
        ctl({QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("watched")});
    ASSERT_EQ(drain.exitCode, 0);
    const auto event = waitForOutputLine(watch, buffer, [](const QString &line) {
        return parseObject(line).value(QStringLiteral("kind")) == QStringLiteral("drain");
    });
    ASSERT_TRUE(event) << "no drain event line";
    EXPECT_EQ(parseObject(*event).value(QStringLiteral("service")), QString());

    watch.terminate();
    ASSERT_TRUE(watch.waitForFinished(static_cast<int>(kPatience.count())));
    EXPECT_EQ(watch.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(watch.exitCode(), 0) << watch.readAllStandardError().toStdString();
}

TEST_F(CtlAgentTest, WatchTextShowsOneLinePerSampleAndEvent)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    QProcess watch;
    watch.start(ctlBinary(), {QStringLiteral("--socket"), socketPath(), QStringLiteral("watch")});
    QByteArray buffer;
    const auto sample = waitForOutputLine(watch, buffer, [](const QString &line) {
        return line.contains(QStringLiteral("  sample  web "));
    });
    ASSERT_TRUE(sample);
    EXPECT_TRUE(sample->contains(QStringLiteral("established=")));
    EXPECT_TRUE(sample->contains(QStringLiteral("accept_queue=")));
    ASSERT_EQ(
        ctl({QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("r")}).exitCode,
        0);
    const auto event = waitForOutputLine(watch, buffer, [](const QString &line) {
        return line.contains(QStringLiteral("  event   drain"));
    });
    ASSERT_TRUE(event);
    // SIGINT, as Ctrl-C sends.
    ::kill(static_cast<pid_t>(watch.processId()), SIGINT);
    ASSERT_TRUE(watch.waitForFinished(static_cast<int>(kPatience.count())));
    EXPECT_EQ(watch.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(watch.exitCode(), 0);
}

TEST_F(CtlAgentTest, WatchEventsOnlyPrintsNoSamples)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    QProcess watch;
    watch.start(ctlBinary(), {QStringLiteral("--socket"), socketPath(), QStringLiteral("watch"),
                              QStringLiteral("--events-only"), QStringLiteral("--json")});
    // Once the agent counts the watch among its clients (this status call is the other),
    // its subscribe request is on the way; a moment later it is served.
    const QDeadlineTimer deadline(kPatience);
    while (statusJson()
               .value(QStringLiteral("operator"))
               .toObject()
               .value(QStringLiteral("api_clients"))
               .toInt() < 2) {
        ASSERT_FALSE(deadline.hasExpired()) << "the watch never connected";
        QThread::msleep(20);
    }
    QThread::msleep(100);
    ASSERT_EQ(
        ctl({QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("r")}).exitCode,
        0);
    // Events of the service's own start (health, route) may come before the drain's; what
    // matters is that every line is an event and that no sample is ever printed.
    QByteArray buffer;
    QStringList printed;
    const auto drainEvent = waitForOutputLine(watch, buffer, [&printed](const QString &line) {
        printed.append(line);
        return parseObject(line).value(QStringLiteral("kind")) == QStringLiteral("drain");
    });
    ASSERT_TRUE(drainEvent) << printed.join('\n').toStdString();
    for (const QString &line : std::as_const(printed)) {
        const QJsonObject object = parseObject(line);
        EXPECT_TRUE(object.contains(QStringLiteral("seq")) &&
                    object.contains(QStringLiteral("kind")))
            << "not an event: " << line.toStdString();
        EXPECT_FALSE(object.contains(QStringLiteral("services")))
            << "a sample: " << line.toStdString();
    }
    watch.terminate();
    ASSERT_TRUE(watch.waitForFinished(static_cast<int>(kPatience.count())));
    EXPECT_EQ(watch.exitCode(), 0);
}

TEST_F(CtlAgentTest, WatchExitsUnavailableWhenTheAgentGoesAway)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    QProcess watch;
    watch.start(ctlBinary(), {QStringLiteral("--socket"), socketPath(), QStringLiteral("watch")});
    QByteArray buffer;
    ASSERT_TRUE(waitForOutputLine(watch, buffer, [](const QString &line) {
        return line.contains(QStringLiteral("sample"));
    }));
    ASSERT_NO_FATAL_FAILURE(killAgent());
    ASSERT_TRUE(watch.waitForFinished(static_cast<int>(kPatience.count())));
    EXPECT_EQ(watch.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(watch.exitCode(), 69);
    EXPECT_TRUE(watch.readAllStandardError().contains("went away"));
}

} // namespace
} // namespace anycast::ctltest
