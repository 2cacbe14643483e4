#include "tests/api/AgentApiFixture.h"

#include <QJsonDocument>

// drain and undrain as root: what they answer, what they write, what they refuse.
namespace anycast::apitest {
namespace {

QJsonObject drainState(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

void expectInvalidParameter(ApiTestClient &client, const QJsonObject &params,
                            const QString &parameter)
{
    const QJsonObject reply = client.call(QStringLiteral("drain"), params);
    EXPECT_EQ(errorCode(reply), -32602) << compact(reply).toStdString();
    EXPECT_EQ(errorOf(reply)
                  .value(QStringLiteral("data"))
                  .toObject()
                  .value(QStringLiteral("parameter"))
                  .toString(),
              parameter)
        << compact(reply).toStdString();
}

TEST_F(AgentApiTest, DrainIsPersistedAuditedAndShownThenUndrained)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());

    const QJsonObject reply = client->call(
        QStringLiteral("drain"), {{QStringLiteral("reason"), QStringLiteral("kernel upgrade")},
                                  {QStringLiteral("ticket"), QStringLiteral("CHG-1234")}});
    const QJsonObject drained = result(reply);
    ASSERT_TRUE(drained.value(QStringLiteral("persisted")).toBool())
        << compact(reply).toStdString();
    EXPECT_EQ(drained.value(QStringLiteral("target")).toString(), QString());
    EXPECT_EQ(drained.value(QStringLiteral("audited")).toString(), auditPath());
    EXPECT_FALSE(drained.value(QStringLiteral("message")).toString().isEmpty());
    const QJsonObject record = drained.value(QStringLiteral("drain")).toObject();
    EXPECT_EQ(record.value(QStringLiteral("mode")).toString(), QStringLiteral("graceful"));
    EXPECT_EQ(record.value(QStringLiteral("by")).toString(), QStringLiteral("root"));

    // On disk, as acknowledged.
    const QJsonArray saved = drainState(statePath()).value(QStringLiteral("drains")).toArray();
    ASSERT_EQ(saved.size(), 1) << readFile(statePath()).toStdString();
    const QJsonObject savedRecord = saved.at(0).toObject();
    EXPECT_EQ(savedRecord.value(QStringLiteral("target")).toString(), QString());
    EXPECT_EQ(savedRecord.value(QStringLiteral("reason")).toString(),
              QStringLiteral("kernel upgrade"));
    EXPECT_EQ(savedRecord.value(QStringLiteral("ticket")).toString(), QStringLiteral("CHG-1234"));
    EXPECT_EQ(savedRecord.value(QStringLiteral("by")).toString(), QStringLiteral("root"));

    // The attempt, then its outcome once the state is on disk.
    QList<QJsonObject> audit = auditEntries();
    ASSERT_EQ(audit.size(), 2) << readFile(auditPath()).toStdString();
    EXPECT_EQ(audit[0].value(QStringLiteral("kind")).toString(), QStringLiteral("attempt"));
    EXPECT_EQ(drained.value(QStringLiteral("audit_attempt")), audit[0].value(QStringLiteral("id")));
    EXPECT_EQ(audit[0].value(QStringLiteral("who")).toString(), QStringLiteral("root"));
    EXPECT_EQ(audit[0].value(QStringLiteral("uid")).toInt(-1), 0);
    EXPECT_EQ(audit[0].value(QStringLiteral("action")).toString(), QStringLiteral("drain"));
    EXPECT_EQ(audit[0].value(QStringLiteral("target")).toString(), QString());
    EXPECT_EQ(audit[0].value(QStringLiteral("reason")).toString(),
              QStringLiteral("kernel upgrade"));
    EXPECT_EQ(audit[0].value(QStringLiteral("ticket")).toString(), QStringLiteral("CHG-1234"));
    EXPECT_EQ(audit[0].value(QStringLiteral("mode")).toString(), QStringLiteral("graceful"));
    EXPECT_EQ(audit[0].value(QStringLiteral("result")).toString(), QStringLiteral("pending"));
    EXPECT_FALSE(audit[0].value(QStringLiteral("time")).toString().isEmpty());
    EXPECT_EQ(audit[1].value(QStringLiteral("kind")).toString(), QStringLiteral("outcome"));
    EXPECT_EQ(audit[1].value(QStringLiteral("attempt")), audit[0].value(QStringLiteral("id")));
    EXPECT_EQ(audit[1].value(QStringLiteral("result")).toString(), QStringLiteral("applied"));

    const QJsonObject status = result(client->call(QStringLiteral("status")));
    const QJsonObject web = status.value(QStringLiteral("services")).toArray().at(0).toObject();
    const QString operatorState = web.value(QStringLiteral("operator_state")).toString();
    EXPECT_TRUE(operatorState == QLatin1String("draining") ||
                operatorState == QLatin1String("drained"))
        << operatorState.toStdString();
    EXPECT_EQ(
        web.value(QStringLiteral("drain")).toObject().value(QStringLiteral("reason")).toString(),
        QStringLiteral("kernel upgrade"));
    const QJsonArray routes = web.value(QStringLiteral("routes")).toArray();
    ASSERT_EQ(routes.size(), 1);
    const QString routeState = routes.at(0).toObject().value(QStringLiteral("state")).toString();
    EXPECT_TRUE(routeState == QLatin1String("withdrawn") || routeState == QLatin1String("draining"))
        << compact(routes.at(0).toObject()).toStdString();
    const QString nodeState = status.value(QStringLiteral("operator"))
                                  .toObject()
                                  .value(QStringLiteral("node_state"))
                                  .toString();
    EXPECT_TRUE(nodeState == QLatin1String("draining") || nodeState == QLatin1String("drained"))
        << nodeState.toStdString();

    // Refusals change nothing and are not audited as changes.
    const QByteArray stateBefore = readFile(statePath());
    const QJsonObject unknown = client->call(QStringLiteral("drain"),
                                             {{QStringLiteral("service"), QStringLiteral("nosuch")},
                                              {QStringLiteral("reason"), QStringLiteral("typo")}});
    EXPECT_EQ(errorCode(unknown), -32003) << compact(unknown).toStdString();
    EXPECT_EQ(errorOf(unknown)
                  .value(QStringLiteral("data"))
                  .toObject()
                  .value(QStringLiteral("services"))
                  .toArray(),
              QJsonArray{QStringLiteral("web")});
    expectInvalidParameter(*client, {}, QStringLiteral("reason"));
    expectInvalidParameter(*client, {{QStringLiteral("reason"), QStringLiteral("   ")}},
                           QStringLiteral("reason"));
    expectInvalidParameter(*client, {{QStringLiteral("reason"), QString(501, QLatin1Char('r'))}},
                           QStringLiteral("reason"));
    expectInvalidParameter(*client, {{QStringLiteral("reason"), 42}}, QStringLiteral("reason"));
    expectInvalidParameter(*client,
                           {{QStringLiteral("reason"), QStringLiteral("x")},
                            {QStringLiteral("ticket"), QString(101, QLatin1Char('t'))}},
                           QStringLiteral("ticket"));
    expectInvalidParameter(*client,
                           {{QStringLiteral("reason"), QStringLiteral("x")},
                            {QStringLiteral("mode"), QStringLiteral("sideways")}},
                           QStringLiteral("mode"));
    expectInvalidParameter(*client,
                           {{QStringLiteral("reason"), QStringLiteral("x")},
                            {QStringLiteral("force"), QStringLiteral("yes")}},
                           QStringLiteral("force"));
    expectInvalidParameter(*client,
                           {{QStringLiteral("reason"), QStringLiteral("x")},
                            {QStringLiteral("colour"), QStringLiteral("red")}},
                           QStringLiteral("colour"));
    EXPECT_EQ(readFile(statePath()), stateBefore);
    EXPECT_EQ(auditEntries().size(), 2);

    const QJsonObject undrained = client->call(
        QStringLiteral("undrain"), {{QStringLiteral("reason"), QStringLiteral("upgrade done")},
                                    {QStringLiteral("ticket"), QStringLiteral("CHG-1234")}});
    EXPECT_TRUE(result(undrained).value(QStringLiteral("persisted")).toBool())
        << compact(undrained).toStdString();
    EXPECT_TRUE(drainState(statePath()).value(QStringLiteral("drains")).toArray().isEmpty())
        << readFile(statePath()).toStdString();
    audit = auditEntries();
    ASSERT_EQ(audit.size(), 4);
    EXPECT_EQ(audit[2].value(QStringLiteral("action")).toString(), QStringLiteral("undrain"));
    EXPECT_EQ(audit[2].value(QStringLiteral("reason")).toString(), QStringLiteral("upgrade done"));
    EXPECT_EQ(audit[3].value(QStringLiteral("result")).toString(), QStringLiteral("applied"));
    EXPECT_EQ(result(client->call(QStringLiteral("status")))
                  .value(QStringLiteral("operator"))
                  .toObject()
                  .value(QStringLiteral("node_state"))
                  .toString(),
              QStringLiteral("active"));

    const QByteArray stateAfterUndrain = readFile(statePath());
    const QJsonObject again = client->call(
        QStringLiteral("undrain"), {{QStringLiteral("reason"), QStringLiteral("once more")}});
    ASSERT_TRUE(result(again).contains(QStringLiteral("persisted")))
        << compact(again).toStdString();
    EXPECT_FALSE(result(again).value(QStringLiteral("persisted")).toBool());
    EXPECT_EQ(readFile(statePath()), stateAfterUndrain);
}

TEST_F(AgentApiTest, ServiceDrainAndNodeDrainAreSeparate)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());
    const QJsonObject service = client->call(
        QStringLiteral("drain"), {{QStringLiteral("service"), QStringLiteral("web")},
                                  {QStringLiteral("reason"), QStringLiteral("web only")},
                                  {QStringLiteral("mode"), QStringLiteral("immediate")}});
    ASSERT_TRUE(result(service).value(QStringLiteral("persisted")).toBool())
        << compact(service).toStdString();
    EXPECT_EQ(result(service).value(QStringLiteral("target")).toString(), QStringLiteral("web"));

    QJsonObject status = result(client->call(QStringLiteral("status")));
    QJsonObject web = status.value(QStringLiteral("services")).toArray().at(0).toObject();
    EXPECT_EQ(web.value(QStringLiteral("operator_state")).toString(), QStringLiteral("drained"));
    EXPECT_EQ(web.value(QStringLiteral("routes"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("state")),
              QStringLiteral("withdrawn"));
    EXPECT_EQ(status.value(QStringLiteral("operator"))
                  .toObject()
                  .value(QStringLiteral("node_state"))
                  .toString(),
              QStringLiteral("active"));

    const QJsonObject node = client->call(
        QStringLiteral("drain"), {{QStringLiteral("reason"), QStringLiteral("whole node")}});
    ASSERT_TRUE(result(node).value(QStringLiteral("persisted")).toBool());
    EXPECT_EQ(QJsonDocument::fromJson(readFile(statePath()))
                  .object()
                  .value(QStringLiteral("drains"))
                  .toArray()
                  .size(),
              2);
    // Undraining the service leaves the node drained.
    const QJsonObject undrained = client->call(
        QStringLiteral("undrain"), {{QStringLiteral("service"), QStringLiteral("web")},
                                    {QStringLiteral("reason"), QStringLiteral("web back")}});
    ASSERT_TRUE(result(undrained).value(QStringLiteral("persisted")).toBool());
    EXPECT_TRUE(result(undrained)
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("still drained")))
        << compact(undrained).toStdString();
    status = result(client->call(QStringLiteral("status")));
    web = status.value(QStringLiteral("services")).toArray().at(0).toObject();
    EXPECT_NE(web.value(QStringLiteral("operator_state")).toString(), QStringLiteral("active"));
    EXPECT_EQ(
        web.value(QStringLiteral("drain")).toObject().value(QStringLiteral("reason")).toString(),
        QStringLiteral("whole node"));
}

} // namespace
} // namespace anycast::apitest
