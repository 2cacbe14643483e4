#include "tests/api/AgentApiFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

// A mutation is on disk (audit line, then drain state) before it is acknowledged, and one
// that cannot be written is refused with nothing changed.
namespace anycast::apitest {
namespace {

TEST_F(AgentApiTest, AuditLineIsOnDiskWhenTheReplyArrives)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());
    for (int i = 0; i < 20; ++i) {
        const QString action = i % 2 == 0 ? QStringLiteral("drain") : QStringLiteral("undrain");
        const QString reason = QStringLiteral("cycle %1").arg(i);
        const QJsonObject reply = client->call(action, {{QStringLiteral("reason"), reason}});
        // Read at the instant the reply is in: nothing may still be on its way to the disk.
        const QList<QJsonObject> audit = auditEntries();
        const QJsonArray drains = QJsonDocument::fromJson(readFile(statePath()))
                                      .object()
                                      .value(QStringLiteral("drains"))
                                      .toArray();
        ASSERT_TRUE(result(reply).value(QStringLiteral("persisted")).toBool())
            << compact(reply).toStdString();
        // Each mutation: its attempt, then its outcome, both on disk before the reply.
        ASSERT_EQ(audit.size(), 2 * (i + 1)) << "after " << action.toStdString() << " " << i;
        const QJsonObject &attempt = audit[2 * i];
        const QJsonObject &outcome = audit[2 * i + 1];
        EXPECT_EQ(attempt.value(QStringLiteral("kind")).toString(), QStringLiteral("attempt"));
        EXPECT_EQ(attempt.value(QStringLiteral("action")).toString(), action);
        EXPECT_EQ(attempt.value(QStringLiteral("reason")).toString(), reason);
        EXPECT_EQ(attempt.value(QStringLiteral("id")).toInteger(), 2 * i + 1);
        EXPECT_EQ(outcome.value(QStringLiteral("kind")).toString(), QStringLiteral("outcome"));
        EXPECT_EQ(outcome.value(QStringLiteral("attempt")), attempt.value(QStringLiteral("id")));
        EXPECT_EQ(outcome.value(QStringLiteral("action")).toString(), action);
        EXPECT_EQ(outcome.value(QStringLiteral("result")).toString(), QStringLiteral("applied"));
        EXPECT_EQ(drains.size(), i % 2 == 0 ? 1 : 0) << readFile(statePath()).toStdString();
    }
}

TEST_F(AgentApiTest, UnwritableAuditLogRefusesTheDrainAndChangesNothing)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());
    const QJsonObject first = client->call(QStringLiteral("drain"),
                                           {{QStringLiteral("service"), QStringLiteral("web")},
                                            {QStringLiteral("reason"), QStringLiteral("before")}});
    ASSERT_TRUE(result(first).value(QStringLiteral("persisted")).toBool())
        << compact(first).toStdString();
    const QByteArray stateBefore = readFile(statePath());
    const QJsonObject viewBefore = drainView(*client);

    ASSERT_TRUE(QFile::remove(auditPath()));
    ASSERT_TRUE(QDir().mkdir(auditPath())); // open(O_WRONLY) now fails with EISDIR
    for (const QString &action : {QStringLiteral("drain"), QStringLiteral("undrain")}) {
        QJsonObject params{{QStringLiteral("reason"), QStringLiteral("cannot be audited")}};
        if (action == QLatin1String("undrain"))
            params.insert(QStringLiteral("service"), QStringLiteral("web"));
        const QJsonObject reply = client->call(action, params);
        EXPECT_EQ(errorCode(reply), -32002) << compact(reply).toStdString();
        EXPECT_TRUE(errorOf(reply)
                        .value(QStringLiteral("message"))
                        .toString()
                        .contains(QStringLiteral("audit log")))
            << compact(reply).toStdString();
        EXPECT_EQ(readFile(statePath()), stateBefore) << action.toStdString();
        EXPECT_EQ(drainView(*client), viewBefore) << action.toStdString();
    }
    ASSERT_TRUE(QDir().rmdir(auditPath()));
}

TEST_F(AgentApiTest, UnwritableDrainStateIsAuditedAsFailedAndRefused)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());
    const QJsonObject viewBefore = drainView(*client);
    ASSERT_TRUE(QDir().mkdir(statePath() + QStringLiteral(".tmp")));

    const QJsonObject reply = client->call(
        QStringLiteral("drain"), {{QStringLiteral("reason"), QStringLiteral("cannot be saved")},
                                  {QStringLiteral("ticket"), QStringLiteral("CHG-9")}});
    EXPECT_EQ(errorCode(reply), -32002) << compact(reply).toStdString();
    EXPECT_TRUE(errorOf(reply)
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("drain state")))
        << compact(reply).toStdString();
    const QList<QJsonObject> audit = auditEntries();
    ASSERT_EQ(audit.size(), 2) << readFile(auditPath()).toStdString();
    EXPECT_EQ(audit[0].value(QStringLiteral("kind")).toString(), QStringLiteral("attempt"));
    EXPECT_EQ(audit[0].value(QStringLiteral("result")).toString(), QStringLiteral("pending"));
    EXPECT_EQ(audit[1].value(QStringLiteral("kind")).toString(), QStringLiteral("outcome"));
    EXPECT_EQ(audit[1].value(QStringLiteral("attempt")), audit[0].value(QStringLiteral("id")));
    EXPECT_EQ(audit[1].value(QStringLiteral("action")).toString(), QStringLiteral("drain"));
    EXPECT_EQ(audit[1].value(QStringLiteral("ticket")).toString(), QStringLiteral("CHG-9"));
    EXPECT_TRUE(
        audit[1].value(QStringLiteral("result")).toString().startsWith(QStringLiteral("failed")))
        << compact(audit[1]).toStdString();
    EXPECT_FALSE(QFile::exists(statePath()));
    EXPECT_EQ(drainView(*client), viewBefore);
    EXPECT_EQ(viewBefore.value(QStringLiteral("node_state")).toString(), QStringLiteral("active"));

    // Once the folder is usable again, drains work.
    ASSERT_TRUE(QDir().rmdir(statePath() + QStringLiteral(".tmp")));
    const QJsonObject retried = client->call(
        QStringLiteral("drain"), {{QStringLiteral("reason"), QStringLiteral("second try")}});
    EXPECT_TRUE(result(retried).value(QStringLiteral("persisted")).toBool())
        << compact(retried).toStdString();
    EXPECT_TRUE(QFile::exists(statePath()));
}

} // namespace
} // namespace anycast::apitest
