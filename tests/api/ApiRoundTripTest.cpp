#include "tests/api/AgentApiFixture.h"

#include <QDeadlineTimer>
#include <QThread>

#include <unistd.h>

// Every read method against the real agent, and notifications to a subscriber.
namespace anycast::apitest {
namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &element : value.toArray())
        list.append(element.toString());
    return list;
}

TEST_F(AgentApiTest, HelloDescribesTheNodeAndTheCaller)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());
    const QJsonObject reply = client->call(
        QStringLiteral("hello"), {{QStringLiteral("client"), QStringLiteral("api-tests")}});
    EXPECT_EQ(reply.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
    EXPECT_EQ(reply.value(QStringLiteral("id")).toInt(), 1);
    const QJsonObject hello = result(reply);
    ASSERT_FALSE(hello.isEmpty()) << compact(reply).toStdString();
    EXPECT_EQ(hello.value(QStringLiteral("node")).toString(), QStringLiteral("api-1"));
    EXPECT_EQ(hello.value(QStringLiteral("region")).toString(), QStringLiteral("test-region"));
    EXPECT_DOUBLE_EQ(hello.value(QStringLiteral("location")).toArray().at(0).toDouble(), 50.11);
    EXPECT_EQ(
        hello.value(QStringLiteral("versions")).toObject().value(QStringLiteral("api")).toInt(), 1);
    EXPECT_EQ(hello.value(QStringLiteral("sample_interval_ms")).toInt(), 200);
    const QJsonArray services = hello.value(QStringLiteral("services")).toArray();
    ASSERT_EQ(services.size(), 1);
    const QJsonObject web = services.at(0).toObject();
    EXPECT_EQ(web.value(QStringLiteral("name")).toString(), QStringLiteral("web"));
    EXPECT_EQ(web.value(QStringLiteral("ports")).toArray().at(0).toInt(), m_servicePort);
    EXPECT_EQ(strings(web.value(QStringLiteral("prefixes"))),
              QStringList{QStringLiteral("192.0.2.1/32")});
    EXPECT_EQ(strings(hello.value(QStringLiteral("prefixes"))),
              QStringList{QStringLiteral("192.0.2.1/32")});

    const QJsonObject caller = hello.value(QStringLiteral("caller")).toObject();
    EXPECT_EQ(caller.value(QStringLiteral("uid")).toInt(-1), 0);
    EXPECT_EQ(caller.value(QStringLiteral("user")).toString(), QStringLiteral("root"));
    EXPECT_EQ(caller.value(QStringLiteral("pid")).toInt(), ::getpid());
    EXPECT_TRUE(strings(caller.value(QStringLiteral("groups"))).contains(QStringLiteral("root")));
    const QStringList rights = strings(hello.value(QStringLiteral("rights")));
    EXPECT_EQ(rights, (QStringList{QStringLiteral("read"), QStringLiteral("mutate")}));
    EXPECT_EQ(strings(caller.value(QStringLiteral("rights"))), rights);
    EXPECT_EQ(
        strings(hello.value(QStringLiteral("methods"))),
        (QStringList{QStringLiteral("hello"), QStringLiteral("status"), QStringLiteral("subscribe"),
                     QStringLiteral("history"), QStringLiteral("events"), QStringLiteral("drain"),
                     QStringLiteral("undrain")}));
}

TEST_F(AgentApiTest, StatusEventsAndHistoryAnswer)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());

    const QJsonObject status = result(client->call(QStringLiteral("status")));
    const QJsonArray services = status.value(QStringLiteral("services")).toArray();
    ASSERT_EQ(services.size(), 1) << compact(status).toStdString();
    EXPECT_EQ(services.at(0).toObject().value(QStringLiteral("name")).toString(),
              QStringLiteral("web"));
    EXPECT_EQ(services.at(0).toObject().value(QStringLiteral("operator_state")).toString(),
              QStringLiteral("active"));
    const QJsonObject operatorStatus = status.value(QStringLiteral("operator")).toObject();
    EXPECT_EQ(operatorStatus.value(QStringLiteral("node_state")).toString(),
              QStringLiteral("active"));
    EXPECT_EQ(operatorStatus.value(QStringLiteral("state_file")).toString(), statePath());
    EXPECT_EQ(operatorStatus.value(QStringLiteral("audit_log")).toString(), auditPath());
    EXPECT_GE(operatorStatus.value(QStringLiteral("api_clients")).toInt(), 1);

    const QJsonObject events = result(client->call(QStringLiteral("events")));
    EXPECT_TRUE(events.value(QStringLiteral("last_seq")).isDouble())
        << compact(events).toStdString();
    EXPECT_TRUE(events.value(QStringLiteral("events")).isArray());
    const QJsonObject limited = result(client->call(
        QStringLiteral("events"), {{QStringLiteral("after"), 0}, {QStringLiteral("limit"), 1}}));
    EXPECT_LE(limited.value(QStringLiteral("events")).toArray().size(), 1);

    // 200 ms samples: three are there after about a second.
    QJsonObject history;
    const QDeadlineTimer deadline(kPatience);
    do {
        history = result(client->call(QStringLiteral("history")));
        if (history.value(QStringLiteral("samples")).toArray().size() >= 3)
            break;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    EXPECT_EQ(history.value(QStringLiteral("interval_ms")).toInt(), 200);
    EXPECT_EQ(history.value(QStringLiteral("span_s")).toInt(), 3600);
    const QJsonArray samples = history.value(QStringLiteral("samples")).toArray();
    ASSERT_GE(samples.size(), 3) << compact(history).toStdString();
    QString previousTime;
    for (const QJsonValue &sample : samples) {
        const QJsonObject point = sample.toObject();
        const QString time = point.value(QStringLiteral("time")).toString();
        EXPECT_GT(time, previousTime) << "oldest first";
        previousTime = time;
        const QJsonObject service =
            point.value(QStringLiteral("services")).toArray().at(0).toObject();
        EXPECT_EQ(service.value(QStringLiteral("name")).toString(), QStringLiteral("web"));
        EXPECT_TRUE(service.value(QStringLiteral("states")).isObject())
            << compact(point).toStdString();
        EXPECT_TRUE(service.contains(QStringLiteral("health")));
        EXPECT_TRUE(service.contains(QStringLiteral("operator_state")));
    }
    const QJsonObject lastSecond =
        result(client->call(QStringLiteral("history"), {{QStringLiteral("seconds"), 1}}));
    EXPECT_LE(lastSecond.value(QStringLiteral("samples")).toArray().size(), 7);
}

TEST_F(AgentApiTest, SubscriberGetsSamplesAndTheDrainEvent)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto subscriber = connectClient();
    ASSERT_TRUE(subscriber->connected());
    const QJsonObject subscribed = result(subscriber->call(QStringLiteral("subscribe")));
    EXPECT_EQ(strings(subscribed.value(QStringLiteral("topics"))),
              (QStringList{QStringLiteral("event"), QStringLiteral("sample")}));

    const auto sample = subscriber->nextNotification(QStringLiteral("sample"));
    ASSERT_TRUE(sample) << "no sample notification within the patience";
    EXPECT_EQ(sample->value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
    const QJsonObject sampleParams = sample->value(QStringLiteral("params")).toObject();
    EXPECT_FALSE(sampleParams.value(QStringLiteral("time")).toString().isEmpty());
    const QJsonObject service =
        sampleParams.value(QStringLiteral("services")).toArray().at(0).toObject();
    EXPECT_EQ(service.value(QStringLiteral("name")).toString(), QStringLiteral("web"));
    EXPECT_TRUE(service.value(QStringLiteral("states")).isObject());

    auto operatorClient = connectClient();
    ASSERT_TRUE(operatorClient->connected());
    const QJsonObject drained = operatorClient->call(
        QStringLiteral("drain"), {{QStringLiteral("reason"), QStringLiteral("subscriber test")},
                                  {QStringLiteral("ticket"), QStringLiteral("T-1")}});
    ASSERT_TRUE(result(drained).value(QStringLiteral("persisted")).toBool())
        << compact(drained).toStdString();

    std::optional<QJsonObject> drainEvent;
    const QDeadlineTimer deadline(kPatience);
    while (!drainEvent && !deadline.hasExpired()) {
        const auto event = subscriber->nextNotification(
            QStringLiteral("event"),
            std::chrono::ceil<std::chrono::milliseconds>(deadline.remainingTimeAsDuration()));
        if (!event)
            break;
        const QJsonObject params = event->value(QStringLiteral("params")).toObject();
        if (params.value(QStringLiteral("kind")).toString() == QLatin1String("drain"))
            drainEvent = params;
    }
    ASSERT_TRUE(drainEvent) << "no drain event reached the subscriber";
    EXPECT_GT(drainEvent->value(QStringLiteral("seq")).toInteger(), 0);
    EXPECT_EQ(drainEvent->value(QStringLiteral("service")).toString(), QString());
    EXPECT_FALSE(drainEvent->value(QStringLiteral("message")).toString().isEmpty());
    EXPECT_EQ(
        drainEvent->value(QStringLiteral("data")).toObject().value(QStringLiteral("by")).toString(),
        QStringLiteral("root"));
    // Reason and ticket as sent, and the reply the caller got: enough for an audit view.
    const QJsonObject data = drainEvent->value(QStringLiteral("data")).toObject();
    EXPECT_EQ(data.value(QStringLiteral("reason")).toString(), QStringLiteral("subscriber test"));
    EXPECT_EQ(data.value(QStringLiteral("ticket")).toString(), QStringLiteral("T-1"));
    EXPECT_TRUE(data.value(QStringLiteral("result"))
                    .toObject()
                    .value(QStringLiteral("persisted"))
                    .toBool());

    // The event log holds it too.
    const QJsonObject events = result(operatorClient->call(QStringLiteral("events")));
    bool logged = false;
    for (const QJsonValue &event : events.value(QStringLiteral("events")).toArray())
        logged = logged || event.toObject().value(QStringLiteral("kind")) == QLatin1String("drain");
    EXPECT_TRUE(logged) << compact(events).toStdString();

    // Topics are checked.
    const QJsonObject badTopic =
        operatorClient->call(QStringLiteral("subscribe"),
                             {{QStringLiteral("topics"), QJsonArray{QStringLiteral("weather")}}});
    EXPECT_EQ(errorCode(badTopic), -32602);
    EXPECT_EQ(errorOf(badTopic)
                  .value(QStringLiteral("data"))
                  .toObject()
                  .value(QStringLiteral("parameter")),
              QStringLiteral("topics"));
}

} // namespace
} // namespace anycast::apitest
