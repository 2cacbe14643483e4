#include "agent/anycastctl/ConsoleText.h"
#include "agent/anycastctl/NotificationLines.h"
#include "agent/anycastctl/StatusTable.h"
#include "agent/anycastctl/TextTable.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

// anycastctl's renderings, without an agent: alignment, cutting to the width, and the
// fields each line must show.
namespace anycast {
namespace {

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

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

AgentStatus drainingStatus()
{
    AgentStatus status;
    status.node = QStringLiteral("fra-1");
    status.region = QStringLiteral("eu-central");
    DrainRecord drain;
    drain.mode = DrainMode::Graceful;
    drain.reason = QStringLiteral("maintenance");
    drain.ticket = QStringLiteral("CHG-7");
    drain.by = QStringLiteral("alice");
    drain.uid = 1000;
    drain.since = utc("2024-05-01T12:00:00.000Z");
    status.operatorStatus.nodeState = OperatorState::Draining;
    status.operatorStatus.drains = {drain};
    status.bgp.bridgeConnected = true;
    status.bgp.neighbors = {{QStringLiteral("127.0.0.1"), QStringLiteral("up")}};
    ServiceStatus https;
    https.name = QStringLiteral("https");
    https.health = HealthLabel{false, ServiceHealth::Degraded};
    https.operatorState = OperatorState::Draining;
    https.established = 1234;
    https.reasons = {QStringLiteral(
        "accept queue growing on :443 for 20 s and it keeps going and going and going on")};
    PrefixDecision route;
    route.prefix = QStringLiteral("192.0.2.1/32");
    route.state = PrefixState::Draining;
    route.reason = QStringLiteral("drained by alice: maintenance");
    https.routes = {route};
    https.drain = drain;
    status.services = {https};
    return status;
}

TEST(CtlText, StatusTableShowsNodeServicesPrefixesAndDrains)
{
    const QString text = StatusTable(drainingStatus(), 100).render();
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
    EXPECT_GT(longestLine(StatusTable(drainingStatus(), 0).render()), 100);
}

ServiceSample serviceSample(const char *name, ServiceHealth health, OperatorState state,
                            quint64 established, QList<ListenerStats> listeners)
{
    ServiceSample service;
    service.stats.name = QString::fromLatin1(name);
    service.stats.states[TcpState::Established] = established;
    service.stats.listeners = std::move(listeners);
    service.health = HealthLabel{false, health};
    service.operatorState = state;
    return service;
}

TEST(CtlText, SampleLineShowsHealthEstablishedAndAcceptQueue)
{
    SamplePoint sample;
    sample.time = utc("2024-05-01T12:00:01.000Z");
    sample.services = {
        serviceSample("https", ServiceHealth::Healthy, OperatorState::Active, 12,
                      {ListenerStats{QStringLiteral("0.0.0.0"), 443, 3, 128}}),
        serviceSample("dns", ServiceHealth::Down, OperatorState::Drained, 0, {}),
    };
    EXPECT_EQ(sampleLine(sample),
              QStringLiteral("12:00:01Z  sample  https healthy established=12 "
                             "accept_queue=3/128; dns down established=0 accept_queue=- "
                             "(drained)"));
}

TEST(CtlText, EventLineAndTableNameTheNodeForNodeEvents)
{
    AgentEvent event;
    event.seq = 7;
    event.time = utc("2024-05-01T12:00:02.000Z");
    event.kind = QStringLiteral("drain");
    event.message = QStringLiteral("the node: draining (graceful)");
    EXPECT_EQ(eventLine(event, 0),
              QStringLiteral("12:00:02Z  event   drain    (node)  the node: draining (graceful)"));
    const QString table = eventsTable(EventsReply{7, {event}}, 100);
    EXPECT_TRUE(table.contains(QStringLiteral("7    2024-05-01 12:00:02Z  drain  (node)")))
        << table.toStdString();
    EXPECT_EQ(eventsTable(EventsReply{0, {}}, 100), QStringLiteral("no events yet\n"));
    EXPECT_EQ(eventsTable(EventsReply{9, {}}, 100),
              QStringLiteral("no events after the given number (the newest is 9)\n"));
}

// What a terminal would act on, or what would hide or reorder text, comes out as a JSON-style
// escape; everything else, any script included, comes out as it went in.
TEST(CtlText, EscapeNonPrintableTable)
{
    struct Row
    {
        QString in;
        QString out;
        Newlines newlines = Newlines::Escape;
    };
    const QList<Row> rows = {
        {QStringLiteral("192.0.2.1 up"), QStringLiteral("192.0.2.1 up")},
        {QString(), QString()},
        {QStringLiteral("\x1b[2Jclear"), QStringLiteral("\\u001b[2Jclear")},
        {QStringLiteral("a\nb"), QStringLiteral("a\\u000ab")},
        {QStringLiteral("a\nb"), QStringLiteral("a\nb"), Newlines::Keep},
        {QStringLiteral("a\r\tb"), QStringLiteral("a\\u000d\\u0009b"), Newlines::Keep},
        {QStringLiteral("bell\x07"), QStringLiteral("bell\\u0007")},
        {QStringLiteral("del\x7f"), QStringLiteral("del\\u007f")},
        {QString(QChar(0x9b)) + QStringLiteral("31m"), QStringLiteral("\\u009b31m")}, // C1 CSI
        {QString(QChar(0x85)), QStringLiteral("\\u0085")},                            // C1 NEL
        {QStringLiteral("abc") + QChar(0x202e) + QStringLiteral("fed"),               // RLO
         QStringLiteral("abc\\u202efed")},
        {QString(QChar(0x2066)) + QChar(0x2069), QStringLiteral("\\u2066\\u2069")}, // isolates
        {QString(QChar(0x200b)), QStringLiteral("\\u200b")},                        // zero width
        {QString(QChar(0x2028)), QStringLiteral("\\u2028")},
        {QString(QChar(0xe000)), QStringLiteral("\\ue000")}, // private use
        {QString(QChar(0xd800)), QStringLiteral("\\ud800")}, // a lone surrogate
        {QString::fromUtf8("fra-1 \u00e9t\u00e9 \u6771\u4eac"),
         QString::fromUtf8("fra-1 \u00e9t\u00e9 \u6771\u4eac")},
        {QString::fromUtf8("\U0001F600"), QString::fromUtf8("\U0001F600")},   // a pair, printable
        {QString::fromUcs4(U"\U000E0041"), QStringLiteral("\\udb40\\udc41")}, // a tag character
    };
    for (const Row &row : rows) {
        EXPECT_EQ(escapeNonPrintable(row.in, row.newlines), row.out)
            << row.in.toStdString() << " -> " << escapeNonPrintable(row.in).toStdString();
    }
}

TEST(CtlText, EscapedTextReadsTheSameInsideJson)
{
    const QString hostile = QStringLiteral("x\x1b]0;title\x07") + QChar(0x9b) + QChar(0x202e) +
                            QString::fromUcs4(U"\U000E0041");
    const QByteArray json =
        escapeNonPrintable(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("v"), hostile}})
                                  .toJson(QJsonDocument::Compact)),
            Newlines::Keep)
            .toUtf8();
    EXPECT_EQ(QJsonDocument::fromJson(json).object().value(QStringLiteral("v")).toString(), hostile)
        << json.toStdString();
}

TEST(CtlText, StatusHeaderStaysOneLineWithAHostileNeighborName)
{
    AgentStatus status = drainingStatus();
    status.bgp.neighbors = {
        {QStringLiteral("10.0.0.1\x1b[2J\nnode forged  region x"), QStringLiteral("up\x1b[0m")}};
    const QString text = StatusTable(status, 100).render();
    const QString header = text.section(QLatin1Char('\n'), 0, 0);
    EXPECT_TRUE(header.endsWith(
        QStringLiteral("neighbors 10.0.0.1\\u001b[2J\\u000anode forged  region x up\\u001b[0m")))
        << header.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("\nnode forged")));
    EXPECT_FALSE(text.contains(QChar(0x1b)));
}

TEST(CtlText, TableCellsKeepOneLineAndShowTheirControls)
{
    TextTable table({QStringLiteral("SERVICE"), QStringLiteral("REASON")});
    table.addRow({QStringLiteral("web\x1b[31m"),
                  QStringLiteral("probe said:\nerror") + QChar(0x202e) + QStringLiteral("!")});
    const QStringList lines = table.render(0).split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(lines[1], QStringLiteral("web\\u001b[31m  probe said: error\\u202e!"));
}

} // namespace
} // namespace anycast
