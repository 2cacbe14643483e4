#include "tests/api/AgentApiFixture.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

// The audit log against the real agent: one record per line whatever the file's tail, an
// outcome for every attempt (reconciled at start when the agent died before writing it), and
// no symbolic link followed.
namespace anycast::apitest {
namespace {

// Every line of a file, each parsed on its own: {} for a line that is not a JSON object.
QList<QJsonObject> parsedLines(const QByteArray &bytes)
{
    QList<QJsonObject> lines;
    QList<QByteArray> pieces = bytes.split('\n');
    if (bytes.endsWith('\n'))
        pieces.removeLast();
    for (const QByteArray &piece : pieces) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(piece, &error);
        lines.append(error.error == QJsonParseError::NoError ? document.object() : QJsonObject());
    }
    return lines;
}

void appendToFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Append));
    ASSERT_EQ(file.write(bytes), bytes.size());
}

QJsonObject statusOf(ApiTestClient &client)
{
    return result(client.call(QStringLiteral("status")));
}

QJsonArray drainsOf(ApiTestClient &client)
{
    return statusOf(client)
        .value(QStringLiteral("operator"))
        .toObject()
        .value(QStringLiteral("drains"))
        .toArray();
}

QJsonObject drainWeb(ApiTestClient &client, const QString &reason)
{
    return client.call(QStringLiteral("drain"), {{QStringLiteral("service"), QStringLiteral("web")},
                                                 {QStringLiteral("reason"), reason}});
}

// A record as the agent writes them, for files the tests prepare.
QByteArray recordLine(const QJsonObject &fields)
{
    QJsonObject record{{QStringLiteral("id"), 1},
                       {QStringLiteral("kind"), QStringLiteral("attempt")},
                       {QStringLiteral("attempt"), QJsonValue()},
                       {QStringLiteral("time"), QStringLiteral("2024-05-01T12:00:00.000Z")},
                       {QStringLiteral("who"), QStringLiteral("root")},
                       {QStringLiteral("uid"), 0},
                       {QStringLiteral("pid"), 1},
                       {QStringLiteral("action"), QStringLiteral("drain")},
                       {QStringLiteral("target"), QString()},
                       {QStringLiteral("reason"), QStringLiteral("old")},
                       {QStringLiteral("ticket"), QString()},
                       {QStringLiteral("mode"), QStringLiteral("graceful")},
                       {QStringLiteral("result"), QStringLiteral("pending")},
                       {QStringLiteral("extra"), QJsonObject()}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        record.insert(it.key(), it.value());
    return QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
}

TEST_F(AgentApiTest, TornTailThenTwoDrainsLeavesEveryLaterRecordReadable)
{
    // A whole record, then a record torn by a crash or a full disk: no '\n' at its end.
    const QByteArray whole =
        recordLine({{QStringLiteral("kind"), QStringLiteral("refused")},
                    {QStringLiteral("result"), QStringLiteral("refused: permission denied")}});
    const QByteArray torn = recordLine({{QStringLiteral("id"), 2}}).left(60);
    appendToFile(auditPath(), whole + torn);
    ASSERT_NO_FATAL_FAILURE(startAgent());
    EXPECT_TRUE(waitForLog(QStringLiteral("audit log: 1 unreadable line(s) near its end skipped")))
        << log().toStdString();

    auto client = connectClient();
    ASSERT_TRUE(client->connected());
    const QJsonObject first = drainWeb(*client, QStringLiteral("first"));
    ASSERT_TRUE(result(first).value(QStringLiteral("persisted")).toBool())
        << compact(first).toStdString();
    const QJsonObject second = client->call(QStringLiteral("drain"),
                                            {{QStringLiteral("reason"), QStringLiteral("second")}});
    ASSERT_TRUE(result(second).value(QStringLiteral("persisted")).toBool())
        << compact(second).toStdString();

    const QByteArray bytes = readFile(auditPath());
    ASSERT_TRUE(bytes.startsWith(whole + torn + '\n')) << bytes.toStdString();
    const QList<QJsonObject> lines = parsedLines(bytes);
    ASSERT_EQ(lines.size(), 6) << bytes.toStdString();
    EXPECT_TRUE(lines[1].isEmpty()); // the torn line stays torn, and alone
    // Ids go on after the highest whole record; each outcome names its attempt.
    const QStringList reasons{QStringLiteral("first"), QStringLiteral("second")};
    for (int i = 0; i < 2; ++i) {
        const QJsonObject &attempt = lines[2 + 2 * i];
        const QJsonObject &outcome = lines[3 + 2 * i];
        EXPECT_EQ(attempt.value(QStringLiteral("kind")).toString(), QStringLiteral("attempt"));
        EXPECT_EQ(attempt.value(QStringLiteral("reason")).toString(), reasons[i]);
        EXPECT_EQ(attempt.value(QStringLiteral("id")).toInteger(), 2 + 2 * i);
        EXPECT_EQ(outcome.value(QStringLiteral("kind")).toString(), QStringLiteral("outcome"));
        EXPECT_EQ(outcome.value(QStringLiteral("attempt")).toInteger(), 2 + 2 * i);
        EXPECT_EQ(outcome.value(QStringLiteral("id")).toInteger(), 3 + 2 * i);
        EXPECT_EQ(outcome.value(QStringLiteral("result")).toString(), QStringLiteral("applied"));
    }
}

// A kill between the state write and the outcome record: the next start finds the attempt
// without an outcome and asks the state file whether it took effect.
TEST_F(AgentApiTest, AttemptWithoutAnOutcomeIsReconciledAtStart)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    {
        auto client = connectClient();
        ASSERT_TRUE(client->connected());
        const QJsonObject drained = drainWeb(*client, QStringLiteral("before the kill"));
        ASSERT_TRUE(result(drained).value(QStringLiteral("persisted")).toBool())
            << compact(drained).toStdString();
    }
    ASSERT_NO_FATAL_FAILURE(killAgent());
    QByteArray bytes = readFile(auditPath());
    QList<QJsonObject> lines = parsedLines(bytes);
    ASSERT_EQ(lines.size(), 2) << bytes.toStdString();
    ASSERT_EQ(lines[1].value(QStringLiteral("kind")).toString(), QStringLiteral("outcome"));
    // As if the kill had come before the outcome was written.
    bytes.chop(bytes.size() - bytes.indexOf('\n') - 1);
    QFile::remove(auditPath());
    appendToFile(auditPath(), bytes);

    ASSERT_NO_FATAL_FAILURE(startAgent());
    EXPECT_TRUE(waitForLog(QStringLiteral("audit log: attempt 1 (drain of service web by root) "
                                          "reconciled: applied")))
        << log().toStdString();
    lines = parsedLines(readFile(auditPath()));
    ASSERT_EQ(lines.size(), 2) << readFile(auditPath()).toStdString();
    EXPECT_EQ(lines[1].value(QStringLiteral("kind")).toString(), QStringLiteral("outcome"));
    EXPECT_EQ(lines[1].value(QStringLiteral("attempt")).toInteger(), 1);
    EXPECT_EQ(lines[1].value(QStringLiteral("result")).toString(),
              QStringLiteral("reconciled: applied"));
    EXPECT_EQ(lines[1].value(QStringLiteral("reason")).toString(),
              QStringLiteral("before the kill"));
    {
        auto client = connectClient();
        ASSERT_TRUE(client->connected());
        EXPECT_EQ(drainsOf(*client).size(), 1);
    }

    // An attempt whose state write never happened: a drain of the whole node, not in the file.
    ASSERT_NO_FATAL_FAILURE(killAgent());
    appendToFile(auditPath(), recordLine({{QStringLiteral("id"), 50},
                                          {QStringLiteral("reason"), QStringLiteral("lost")}}));
    ASSERT_NO_FATAL_FAILURE(startAgent());
    EXPECT_TRUE(waitForLog(QStringLiteral("audit log: attempt 50 (drain of the node by root) "
                                          "reconciled: not applied")))
        << log().toStdString();
    lines = parsedLines(readFile(auditPath()));
    ASSERT_EQ(lines.size(), 4) << readFile(auditPath()).toStdString();
    EXPECT_EQ(lines[3].value(QStringLiteral("id")).toInteger(), 51);
    EXPECT_EQ(lines[3].value(QStringLiteral("attempt")).toInteger(), 50);
    EXPECT_EQ(lines[3].value(QStringLiteral("result")).toString(),
              QStringLiteral("reconciled: not applied"));
    auto client = connectClient();
    ASSERT_TRUE(client->connected());
    const QJsonArray drains = drainsOf(*client);
    ASSERT_EQ(drains.size(), 1);
    EXPECT_EQ(drains[0].toObject().value(QStringLiteral("target")).toString(),
              QStringLiteral("web"));

    // Reconciled once: a third start finds nothing left to do.
    ASSERT_NO_FATAL_FAILURE(killAgent());
    ASSERT_NO_FATAL_FAILURE(startAgent());
    EXPECT_EQ(parsedLines(readFile(auditPath())).size(), 4);
    EXPECT_FALSE(log().contains(QStringLiteral("reconciled"))) << log().toStdString();
}

TEST_F(AgentApiTest, SymbolicLinkInPlaceOfTheAuditLogRefusesDrains)
{
    const QString victim = path(QStringLiteral("victim"));
    appendToFile(victim, "not the audit log\n");
    ASSERT_TRUE(QFile::link(victim, auditPath()));
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());

    const QJsonObject reply = drainWeb(*client, QStringLiteral("through a link"));
    EXPECT_EQ(errorCode(reply), -32002) << compact(reply).toStdString();
    EXPECT_TRUE(errorOf(reply)
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("symbolic link")))
        << compact(reply).toStdString();
    EXPECT_EQ(readFile(victim), QByteArray("not the audit log\n"));
    EXPECT_FALSE(QFile::exists(statePath()));
    EXPECT_TRUE(drainsOf(*client).isEmpty());
}

TEST_F(AgentApiTest, SymbolicLinkInPlaceOfTheDrainStateStartsTheNodeDrained)
{
    const QString victim = path(QStringLiteral("victim.json"));
    const QByteArray victimBytes = R"({"version": 1, "drains": []})";
    appendToFile(victim, victimBytes);
    ASSERT_TRUE(QFile::link(victim, statePath()));
    ASSERT_NO_FATAL_FAILURE(startAgent());
    auto client = connectClient();
    ASSERT_TRUE(client->connected());

    // The link is not followed: the state is unreadable, and the safe choice is drained.
    const QJsonObject operatorStatus =
        statusOf(*client).value(QStringLiteral("operator")).toObject();
    EXPECT_EQ(operatorStatus.value(QStringLiteral("node_state")).toString(),
              QStringLiteral("drained"));
    const QJsonArray drains = operatorStatus.value(QStringLiteral("drains")).toArray();
    ASSERT_EQ(drains.size(), 1);
    EXPECT_TRUE(drains[0]
                    .toObject()
                    .value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("symbolic link")))
        << compact(drains[0].toObject()).toStdString();

    // An operator's undrain writes a real file in the link's place; the link's target is
    // never written.
    const QJsonObject undrained = client->call(
        QStringLiteral("undrain"), {{QStringLiteral("reason"), QStringLiteral("link removed")}});
    EXPECT_TRUE(result(undrained).value(QStringLiteral("persisted")).toBool())
        << compact(undrained).toStdString();
    EXPECT_FALSE(QFileInfo(statePath()).isSymLink());
    EXPECT_EQ(readFile(victim), victimBytes);
}

} // namespace
} // namespace anycast::apitest
