#include "ConsoleText.h"
#include "NotificationLines.h"
#include "StatusTable.h"
#include "TextTable.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

// anycastctl's renderings, without an agent: alignment, cutting to the width, and the
// fields each line must show.
namespace anycast {
namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

int longestLine(const QString &text)
{
    int longest = 0;
    for (const QString &line : text.split(u'\n'))
        longest = std::max(longest, static_cast<int>(line.size()));
    return longest;
}

TEST(CtlText, ElideMarksTheCut)
{
    EXPECT_EQ(elide(QStringLiteral("abcdef"), 0), QStringLiteral("abcdef"));
    EXPECT_EQ(elide(QStringLiteral("abcdef"), 6), QStringLiteral("abcdef"));
    EXPECT_EQ(elide(QStringLiteral("abcdefgh"), 6), QStringLiteral("abc..."));
}

TEST(CtlText, UtcTimeDropsMilliseconds)
{
    EXPECT_EQ(utcTime(QStringLiteral("2024-05-01T12:00:01.250Z")),
              QStringLiteral("2024-05-01 12:00:01Z"));
    EXPECT_EQ(utcTime(QStringLiteral("2024-05-01T12:00:01.250Z"), false),
              QStringLiteral("12:00:01Z"));
    EXPECT_EQ(utcTime(QStringLiteral("soon")), QStringLiteral("soon"));
}

TEST(CtlText, TableAlignsColumnsAndCutsTheLastToTheWidth)
{
    TextTable table({QStringLiteral("A"), QStringLiteral("BB"), QStringLiteral("TEXT")});
    table.addRow({QStringLiteral("long-name"), QStringLiteral("x"), QString(200, u'r')});
    table.addRow({QStringLiteral("b"), QStringLiteral("yy"), QStringLiteral("line\nbreak")});
    const QString text = table.render(60);
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(lines[0], QStringLiteral("A          BB  TEXT"));
    EXPECT_EQ(lines[1].size(), 60);
    EXPECT_TRUE(lines[1].endsWith(QStringLiteral("...")));
    EXPECT_EQ(lines[2], QStringLiteral("b          yy  line break"));
    EXPECT_EQ(table.render(0).split(u'\n')[1].size(), 215);
}

const char *kStatus = R"js({
  "node": "fra-1", "region": "eu-central",
  "operator": {"node_state": "draining", "drains": [
    {"target": "", "mode": "graceful", "reason": "maintenance", "ticket": "CHG-7", "by": "alice",
     "uid": 1000, "since": "2024-05-01T12:00:00.000Z", "force_withdraw": false}]},
  "bgp": {"bridge_connected": true, "neighbors": {"127.0.0.1": "up"}},
  "services": [
    {"name": "https", "health": "degraded", "operator_state": "draining", "established": 1234,
     "reasons": ["accept queue growing on :443 for 20 s and it keeps going and going and going on"],
     "pending": "", "routes": [
       {"prefix": "192.0.2.1/32", "state": "draining", "reason": "drained by alice: maintenance"}]}
  ]})js";

TEST(CtlText, StatusTableShowsNodeServicesPrefixesAndDrains)
{
    const QString text = StatusTable(object(kStatus), 100).render();
    EXPECT_TRUE(text.startsWith(QStringLiteral("node fra-1  region eu-central  operator draining  "
                                               "bgp bridge connected  neighbors 127.0.0.1 up\n")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("\nhttps           degraded  draining  1234 ")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("\n  192.0.2.1/32  draining  ")));
    EXPECT_TRUE(text.contains(QStringLiteral("Drains in force:\n")));
    EXPECT_TRUE(text.contains(QStringLiteral("(node)  graceful  2024-05-01 12:00:00Z  alice (uid "
                                             "1000)  CHG-7   maintenance")))
        << text.toStdString();
    EXPECT_LE(longestLine(text), 100);
    EXPECT_GT(longestLine(StatusTable(object(kStatus), 0).render()), 100);
}

TEST(CtlText, SampleLineShowsHealthEstablishedAndAcceptQueue)
{
    const QString line = sampleLine(object(R"js({"time": "2024-05-01T12:00:01.000Z", "services": [
        {"name": "https", "health": "healthy", "operator_state": "active",
         "states": {"ESTABLISHED": 12}, "listeners": [
            {"address": "0.0.0.0", "port": 443, "accept_queue": 3, "backlog": 128}]},
        {"name": "dns", "health": "down", "operator_state": "drained",
         "states": {"ESTABLISHED": 0}, "listeners": []}]})js"));
    EXPECT_EQ(line, QStringLiteral("12:00:01Z  sample  https healthy established=12 "
                                   "accept_queue=3/128; dns down established=0 accept_queue=- "
                                   "(drained)"));
}

TEST(CtlText, EventLineAndTableNameTheNodeForNodeEvents)
{
    const QJsonObject event = object(R"js({"seq": 7, "time": "2024-05-01T12:00:02.000Z",
        "kind": "drain", "service": "", "message": "the node: draining (graceful)"})js");
    EXPECT_EQ(eventLine(event, 0),
              QStringLiteral("12:00:02Z  event   drain    (node)  the node: draining (graceful)"));
    const QString table = eventsTable(
        QJsonObject{{QStringLiteral("last_seq"), 7}, {QStringLiteral("events"), QJsonArray{event}}},
        100);
    EXPECT_TRUE(table.contains(QStringLiteral("7    2024-05-01 12:00:02Z  drain  (node)")))
        << table.toStdString();
    EXPECT_EQ(eventsTable(object(R"js({"last_seq": 0, "events": []})js"), 100),
              QStringLiteral("no events yet\n"));
}

} // namespace
} // namespace anycast
