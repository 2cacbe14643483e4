#include "common/protocol/AgentStatus.h"
#include "tests/anycastctl/CtlTestSupport.h"

#include <QJsonDocument>

// The real anycastctl against a stand-in agent whose replies carry terminal escapes, C1
// controls, bidirectional overrides and line breaks in every field it prints: none of them
// may reach the terminal raw, in text or in --json, on stdout or on stderr.
namespace anycast::ctltest {
namespace {

const QString kEscape = QString(QChar(0x1b));
const QString kHostile = QStringLiteral("x") + kEscape + QStringLiteral("[2J\nforged line ") +
                         QChar(0x9b) + QStringLiteral("31m") + QChar(0x202e) +
                         QStringLiteral("txet");

QByteArray replyLine(const QJsonObject &payload)
{
    QJsonObject reply{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                      {QStringLiteral("id"), 1}};
    for (auto it = payload.begin(); it != payload.end(); ++it)
        reply.insert(it.key(), it.value());
    return QJsonDocument(reply).toJson(QJsonDocument::Compact) + '\n';
}

// A status that reads strictly as the typed model, with the hostile text in every field that
// is free text (states and health are words the model knows, so they cannot carry it).
QJsonObject hostileStatus()
{
    AgentStatus status;
    status.node = kHostile;
    status.region = kHostile;
    status.bgp.bridgeConnected = true;
    status.bgp.neighbors = {{kHostile, kHostile}};
    ServiceStatus service;
    service.name = kHostile;
    service.health = HealthLabel{false, ServiceHealth::Degraded};
    service.reasons = {kHostile};
    service.pending = kHostile;
    PrefixDecision route;
    route.prefix = kHostile;
    route.state = PrefixState::Withdrawn;
    route.reason = kHostile;
    service.routes = {route};
    status.services = {service};
    return status.toJson();
}

void expectNothingRaw(const QString &text)
{
    for (const QChar character : {QChar(0x1b), QChar(0x9b), QChar(0x202e)})
        EXPECT_FALSE(text.contains(character))
            << "U+" << std::hex << static_cast<unsigned>(character.unicode()) << " in:\n"
            << text.toStdString();
}

class CtlHostileTextTest : public CtlAgentTest
{};

TEST_F(CtlHostileTextTest, StatusTextShowsEscapesAndNoForgedLines)
{
    const FakeAgent agent(socketPath(), replyLine({{QStringLiteral("result"), hostileStatus()}}));
    ASSERT_TRUE(agent.listening());
    const CtlResult status = ctl({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    expectNothingRaw(status.out);
    EXPECT_TRUE(status.out.contains(QStringLiteral("\\u001b[2J"))) << status.out.toStdString();
    EXPECT_TRUE(status.out.contains(QStringLiteral("\\u009b31m\\u202etxet")));
    EXPECT_FALSE(status.out.contains(QStringLiteral("\nforged line")))
        << "a line break from the agent started a line of its own:\n"
        << status.out.toStdString();
}

TEST_F(CtlHostileTextTest, StatusJsonIsEscapedAndStillTheSameJson)
{
    const FakeAgent agent(socketPath(), replyLine({{QStringLiteral("result"), hostileStatus()}}));
    ASSERT_TRUE(agent.listening());
    const CtlResult status = ctl({QStringLiteral("status"), QStringLiteral("--json")});
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    expectNothingRaw(status.out);
    EXPECT_EQ(parseObject(status.out), hostileStatus());
}

TEST_F(CtlHostileTextTest, AgentErrorMessageIsEscapedOnStderr)
{
    const FakeAgent agent(
        socketPath(),
        replyLine({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), -32000},
                                                         {QStringLiteral("message"), kHostile}}}}));
    ASSERT_TRUE(agent.listening());
    const CtlResult status = ctl({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 1);
    expectNothingRaw(status.err);
    EXPECT_EQ(status.err.count(QLatin1Char('\n')), 1) << status.err.toStdString();
    EXPECT_TRUE(status.err.contains(QStringLiteral("x\\u001b[2J\\u000aforged line")))
        << status.err.toStdString();
}

} // namespace
} // namespace anycast::ctltest
