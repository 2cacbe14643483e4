#include "tests/api/AgentApiFixture.h"

#include <QFile>

#include <vector>

// A malformed request never mutates: a duplicate key, anywhere in the line, is a parse error,
// and "the whole node" is said only by leaving `service` out.
namespace anycast::apitest {
namespace {

using StrictInputTest = ConnectedAgentTest;

TEST_F(StrictInputTest, DrainsWithDuplicateKeysAreParseErrorsAndChangeNothing)
{
    const QJsonObject before = drainView(*m_client);
    ASSERT_EQ(before.value(QStringLiteral("node_state")).toString(), QStringLiteral("active"));
    const std::vector<QByteArray> lines = {
        // Read leniently, the last "method" wins: this drained the whole node.
        R"({"jsonrpc":"2.0","id":1,"method":"hello","method":"drain","params":{"reason":"x"}})",
        // ... and here the empty service, which read as "the whole node".
        R"({"jsonrpc":"2.0","id":2,"method":"drain","params":{"service":"web","reason":"x","service":""}})",
        // Equal keys once unescaped are the same key.
        R"({"jsonrpc":"2.0","id":3,"method":"drain","params":{"service":"web","reason":"x","\u0073ervice":""}})",
        R"({"jsonrpc":"2.0","id":4,"method":"drain","params":{"reason":"x","reason":"y"}})",
        R"({"jsonrpc":"2.0","id":5,"id":6,"method":"drain","params":{"reason":"x"}})",
    };
    for (const QByteArray &line : lines) {
        SCOPED_TRACE(line.toStdString());
        ASSERT_TRUE(m_client->sendRaw(line + '\n'));
        const QJsonObject reply = m_client->readMessage().value_or(QJsonObject());
        EXPECT_EQ(errorCode(reply), -32700) << compact(reply).toStdString();
        EXPECT_TRUE(errorOf(reply)
                        .value(QStringLiteral("message"))
                        .toString()
                        .contains(QStringLiteral("duplicate key")))
            << compact(reply).toStdString();
        EXPECT_TRUE(reply.value(QStringLiteral("id")).isNull()) << compact(reply).toStdString();
    }
    EXPECT_EQ(drainView(*m_client), before);
    EXPECT_FALSE(QFile::exists(auditPath())) << readFile(auditPath()).toStdString();
    EXPECT_FALSE(QFile::exists(statePath()));
}

struct BadText
{
    const char *name;
    QJsonObject params;
    QString parameter;
};

// Every way of not naming a service, a reason or a ticket properly, refused before anything
// is written.
std::vector<BadText> badTexts()
{
    const QJsonValue null(QJsonValue::Null);
    const QString reason = QStringLiteral("reason");
    const QString service = QStringLiteral("service");
    const QString ticket = QStringLiteral("ticket");
    const QString ok = QStringLiteral("maintenance");
    return {
        {"empty service", {{service, QString()}, {reason, ok}}, service},
        {"null service", {{service, null}, {reason, ok}}, service},
        {"blank service", {{service, QStringLiteral("  ")}, {reason, ok}}, service},
        {"padded service", {{service, QStringLiteral(" web")}, {reason, ok}}, service},
        {"padded service at the end", {{service, QStringLiteral("web\t")}, {reason, ok}}, service},
        {"empty reason", {{reason, QString()}}, reason},
        {"null reason", {{reason, null}}, reason},
        {"blank reason", {{reason, QStringLiteral(" \t ")}}, reason},
        {"padded reason", {{reason, QStringLiteral(" maintenance")}}, reason},
        {"reason with a newline", {{reason, QStringLiteral("two\nlines")}}, reason},
        {"empty ticket", {{reason, ok}, {ticket, QString()}}, ticket},
        {"null ticket", {{reason, ok}, {ticket, null}}, ticket},
        {"blank ticket", {{reason, ok}, {ticket, QStringLiteral(" ")}}, ticket},
        {"padded ticket", {{reason, ok}, {ticket, QStringLiteral("CHG-1 ")}}, ticket},
    };
}

TEST_F(StrictInputTest, EmptyNullBlankOrPaddedTextIsRefusedAndChangesNothing)
{
    // One service drained first, so that undrains have something they could wrongly change.
    const QJsonObject drained = m_client->call(
        QStringLiteral("drain"), {{QStringLiteral("service"), QStringLiteral("web")},
                                  {QStringLiteral("reason"), QStringLiteral("before")}});
    ASSERT_TRUE(result(drained).value(QStringLiteral("persisted")).toBool())
        << compact(drained).toStdString();
    const QJsonObject before = drainView(*m_client);
    const QByteArray stateBefore = readFile(statePath());
    const QByteArray auditBefore = readFile(auditPath());

    for (const QString &method : {QStringLiteral("drain"), QStringLiteral("undrain")}) {
        for (const BadText &row : badTexts()) {
            SCOPED_TRACE(method.toStdString() + ": " + row.name);
            const QJsonObject reply = m_client->call(method, row.params);
            EXPECT_EQ(errorCode(reply), -32602) << compact(reply).toStdString();
            const QJsonObject error = errorOf(reply);
            EXPECT_EQ(error.value(QStringLiteral("data"))
                          .toObject()
                          .value(QStringLiteral("parameter"))
                          .toString(),
                      row.parameter)
                << compact(reply).toStdString();
            EXPECT_TRUE(error.value(QStringLiteral("message")).toString().startsWith(row.parameter))
                << compact(reply).toStdString();
        }
    }
    EXPECT_EQ(drainView(*m_client), before);
    EXPECT_EQ(before.value(QStringLiteral("node_state")).toString(), QStringLiteral("active"));
    EXPECT_EQ(readFile(statePath()), stateBefore);
    EXPECT_EQ(readFile(auditPath()), auditBefore);

    // The same agent still takes a well-formed request.
    const QJsonObject undrained = m_client->call(
        QStringLiteral("undrain"), {{QStringLiteral("service"), QStringLiteral("web")},
                                    {QStringLiteral("reason"), QStringLiteral("after")},
                                    {QStringLiteral("ticket"), QStringLiteral("CHG-7")}});
    EXPECT_TRUE(result(undrained).value(QStringLiteral("persisted")).toBool())
        << compact(undrained).toStdString();
}

} // namespace
} // namespace anycast::apitest
