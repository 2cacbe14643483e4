#include "tests/api/AgentApiFixture.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

// Drain state survives a crash: a drained node never announces after a restart, and a state
// file it cannot read leaves the whole node drained until an operator says otherwise.
namespace anycast::apitest {
namespace {

QStringList routeStates(const QJsonObject &status)
{
    QStringList states;
    for (const QJsonValue &service : status.value(QStringLiteral("services")).toArray()) {
        for (const QJsonValue &route : service.toObject().value(QStringLiteral("routes")).toArray())
            states.append(route.toObject().value(QStringLiteral("state")).toString());
    }
    return states;
}

QString nodeState(const QJsonObject &status)
{
    return status.value(QStringLiteral("operator"))
        .toObject()
        .value(QStringLiteral("node_state"))
        .toString();
}

TEST_F(AgentApiTest, DrainSurvivesKillAndTheFirstStatusAfterRestartIsWithdrawn)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());
    // Announced first, so that "withdrawn" after the restart is the drain's doing.
    QJsonObject status;
    const QDeadlineTimer deadline(kPatience);
    while (!deadline.hasExpired()) {
        status = result(client->call(QStringLiteral("status")));
        if (routeStates(status) == QStringList{QStringLiteral("announced")})
            break;
        QThread::msleep(50);
    }
    ASSERT_EQ(routeStates(status), QStringList{QStringLiteral("announced")})
        << compact(status).toStdString();

    const QJsonObject drained = client->call(
        QStringLiteral("drain"), {{QStringLiteral("reason"), QStringLiteral("crash test")},
                                  {QStringLiteral("mode"), QStringLiteral("immediate")}});
    ASSERT_TRUE(result(drained).value(QStringLiteral("persisted")).toBool())
        << compact(drained).toStdString();
    EXPECT_EQ(routeStates(result(client->call(QStringLiteral("status")))),
              QStringList{QStringLiteral("withdrawn")});
    client.reset();
    ASSERT_NO_FATAL_FAILURE(killAgent());

    launchAgent();
    auto restarted = waitForApi();
    ASSERT_TRUE(restarted) << "the agent did not come back";
    const QJsonObject first = result(restarted->call(QStringLiteral("status")));
    EXPECT_EQ(nodeState(first), QStringLiteral("drained")) << compact(first).toStdString();
    const QStringList states = routeStates(first);
    ASSERT_FALSE(states.isEmpty()) << compact(first).toStdString();
    for (const QString &state : states)
        EXPECT_EQ(state, QStringLiteral("withdrawn")) << compact(first).toStdString();
    const QJsonArray drains = first.value(QStringLiteral("operator"))
                                  .toObject()
                                  .value(QStringLiteral("drains"))
                                  .toArray();
    ASSERT_EQ(drains.size(), 1);
    EXPECT_EQ(drains.at(0).toObject().value(QStringLiteral("reason")).toString(),
              QStringLiteral("crash test"));
    EXPECT_TRUE(waitForLog(QStringLiteral("drain state from"))) << log().toStdString();

    // Healthy again, and still not announced.
    ASSERT_TRUE(waitForLog(QStringLiteral("health web: starting -> healthy")))
        << log().toStdString();
    EXPECT_EQ(routeStates(result(restarted->call(QStringLiteral("status")))),
              QStringList{QStringLiteral("withdrawn")});
    EXPECT_FALSE(log().contains(QStringLiteral("-> announced"))) << log().toStdString();
}

TEST_F(AgentApiTest, CorruptDrainStateDrainsTheNodeUntilAnOperatorUndrains)
{
    const QByteArray garbage("{\"version\": 1, \"drains\": [ this is not JSON\n");
    {
        QFile file(statePath());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_EQ(file.write(garbage), garbage.size());
    }
    launchAgent();
    auto client = waitForApi();
    ASSERT_TRUE(client) << "the agent did not start";

    const QJsonObject status = result(client->call(QStringLiteral("status")));
    EXPECT_EQ(nodeState(status), QStringLiteral("drained")) << compact(status).toStdString();
    for (const QString &state : routeStates(status))
        EXPECT_EQ(state, QStringLiteral("withdrawn"));
    const QJsonArray drains = status.value(QStringLiteral("operator"))
                                  .toObject()
                                  .value(QStringLiteral("drains"))
                                  .toArray();
    ASSERT_EQ(drains.size(), 1) << compact(status).toStdString();
    EXPECT_TRUE(drains.at(0)
                    .toObject()
                    .value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("drain state unreadable")))
        << compact(drains.at(0).toObject()).toStdString();
    EXPECT_EQ(readFileIfAny(statePath() + QStringLiteral(".corrupt")), garbage);
    EXPECT_FALSE(QFile::exists(statePath()));
    EXPECT_TRUE(waitForLog(QStringLiteral("drain state unusable"))) << log().toStdString();

    const QJsonObject undrained = client->call(
        QStringLiteral("undrain"), {{QStringLiteral("reason"), QStringLiteral("checked by hand")}});
    ASSERT_TRUE(result(undrained).value(QStringLiteral("persisted")).toBool())
        << compact(undrained).toStdString();
    EXPECT_EQ(nodeState(result(client->call(QStringLiteral("status")))), QStringLiteral("active"));
    QJsonParseError error{};
    const QJsonDocument saved = QJsonDocument::fromJson(readFile(statePath()), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << readFile(statePath()).toStdString();
    EXPECT_EQ(saved.object().value(QStringLiteral("version")).toInt(), 1);
    EXPECT_TRUE(saved.object().value(QStringLiteral("drains")).toArray().isEmpty());
}

} // namespace
} // namespace anycast::apitest
