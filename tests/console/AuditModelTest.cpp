// The audit rows from drain and undrain events made by hand (the shape the agent sends,
// docs/API.md) and a clock the test sets: states, staleness, drains seen only in status,
// and the CSV export read back field by field.
#include "app/models/AuditModel.h"

#include "app/models/AuditRows.h"
#include "app/models/FleetState.h"
#include "app/models/ModelRoles.h"
#include "common/protocol/UtcTimestamp.h"
#include "tests/console/CsvReader.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace std::chrono_literals;

const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
const EventOrigin kFra{QStringLiteral("ssh:fra-1"), QStringLiteral("fra-1"), QStringLiteral("fra")};

DrainRecord record(const QString &target, const QDateTime &since, const QString &reason,
                   const QString &ticket = {})
{
    DrainRecord drain;
    drain.target = target;
    drain.reason = reason;
    drain.ticket = ticket;
    drain.by = QStringLiteral("alice");
    drain.uid = 1001;
    drain.since = since;
    return drain;
}

// An operator's action on fra-1 as the event stream carries it, without its data yet.
EventEntry actionEvent(quint64 serial, const QDateTime &time, const QString &kind,
                       const QString &target, const QString &message)
{
    EventEntry entry;
    entry.serial = serial;
    entry.origin = kFra;
    entry.time = time;
    entry.event.seq = serial;
    entry.event.time = time;
    entry.event.kind = kind;
    entry.event.service = target;
    entry.event.message = message;
    return entry;
}

EventEntry drainEvent(quint64 serial, const QDateTime &time, const DrainRecord &drain)
{
    EventEntry entry = actionEvent(serial, time, QStringLiteral("drain"), drain.target,
                                   QStringLiteral("node: draining (graceful)"));
    entry.event.data = {
        {QStringLiteral("by"), drain.by},
        {QStringLiteral("reason"), drain.reason},
        {QStringLiteral("ticket"), drain.ticket},
        {QStringLiteral("result"), QJsonObject{{QStringLiteral("target"), drain.target},
                                               {QStringLiteral("persisted"), true},
                                               {QStringLiteral("audited"),
                                                QStringLiteral("/var/lib/anycast-agent/audit.log")},
                                               {QStringLiteral("audit_attempt"), 41},
                                               {QStringLiteral("drain"), drain.toJson()},
                                               {QStringLiteral("message"), entry.event.message}}}};
    return entry;
}

EventEntry undrainEvent(quint64 serial, const QDateTime &time, const QString &target,
                        const QString &reason)
{
    EventEntry entry = actionEvent(serial, time, QStringLiteral("undrain"), target,
                                   QStringLiteral("node: undrained; announces again once healthy"));
    entry.event.data = {
        {QStringLiteral("by"), QStringLiteral("bob")},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("ticket"), QString()},
        {QStringLiteral("result"), QJsonObject{{QStringLiteral("target"), target},
                                               {QStringLiteral("persisted"), true},
                                               {QStringLiteral("audit_attempt"), 43},
                                               {QStringLiteral("message"), entry.event.message}}}};
    return entry;
}

TEST(AuditRowsTest, ADrainThenAnUndrainEndsItAndADrainStillHeldIsInForceThenStale)
{
    const DrainRecord node =
        record({}, kStart, QStringLiteral("disk swap"), QStringLiteral("CHG-1"));
    const DrainRecord web =
        record(QStringLiteral("web"), kStart.addSecs(60), QStringLiteral("deploy"));
    AuditRows::Input input;
    input.actions = {drainEvent(1, kStart, node), drainEvent(2, kStart.addSecs(60), web),
                     undrainEvent(3, kStart.addSecs(120), {}, QStringLiteral("swapped"))};
    input.inForce = {{kFra, web}};
    input.reporting = {kFra.endpoint};
    input.now = kStart.addSecs(3600);
    QList<AuditRow> rows = AuditRows::build(input);
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[0].state, AuditState::Ended);
    EXPECT_EQ(rows[0].by, QStringLiteral("alice"));
    EXPECT_EQ(rows[0].reason, QStringLiteral("disk swap"));
    EXPECT_EQ(rows[0].ticket, QStringLiteral("CHG-1"));
    EXPECT_EQ(rows[0].mode, QStringLiteral("graceful"));
    EXPECT_EQ(rows[1].state, AuditState::InForce);
    EXPECT_FALSE(rows[1].stale);
    EXPECT_EQ(rows[2].action, QStringLiteral("undrain"));
    EXPECT_EQ(rows[2].state, AuditState::Applied);
    EXPECT_EQ(rows[2].reason, QStringLiteral("swapped"));
    EXPECT_EQ(rows[2].by, QStringLiteral("bob"));

    // One second short of 24 h in force, then 24 h.
    input.now = kStart.addSecs(60 + 24 * 3600 - 1);
    EXPECT_FALSE(AuditRows::build(input)[1].stale);
    input.now = kStart.addSecs(60 + 24 * 3600);
    EXPECT_TRUE(AuditRows::build(input)[1].stale);
    input.staleAfter = 48h;
    EXPECT_FALSE(AuditRows::build(input)[1].stale);
}

TEST(AuditRowsTest, ADrainOnlyInStatusIsListedAndANodeWithoutStatusIsUnknown)
{
    const DrainRecord old =
        record(QStringLiteral("dns"), kStart.addDays(-3), QStringLiteral("old"));
    AuditRows::Input input;
    input.inForce = {{kFra, old}};
    input.reporting = {kFra.endpoint};
    input.now = kStart;
    QList<AuditRow> rows = AuditRows::build(input);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_TRUE(rows[0].seenOnlyInStatus());
    EXPECT_EQ(rows[0].time, old.since);
    EXPECT_EQ(rows[0].state, AuditState::InForce);
    EXPECT_TRUE(rows[0].stale);

    input.inForce.clear();
    input.reporting.clear();
    input.actions = {drainEvent(1, kStart, record({}, kStart, QStringLiteral("x")))};
    EXPECT_EQ(AuditRows::build(input)[0].state, AuditState::Unknown);

    // A second drain of the same target replaces the first; the held record matches it.
    input.reporting = {kFra.endpoint};
    const DrainRecord again = record({}, kStart, QStringLiteral("y"));
    input.actions.append(drainEvent(2, kStart.addSecs(5), again));
    input.inForce = {{kFra, again}};
    rows = AuditRows::build(input);
    EXPECT_EQ(rows[0].state, AuditState::Replaced);
    EXPECT_EQ(rows[1].state, AuditState::InForce);
}

TEST(AuditModelTest, TheCsvExportKeepsQuotesCommasAndNewlinesAndHasTheViewsColumns)
{
    EventLog log;
    FleetState fleet;
    QDateTime now = kStart.addSecs(10);
    AuditModel model(&log, &fleet, [&] { return now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // The agent refuses control characters in a reason; an older agent or a hand-edited
    // state file is not held to that, and the export must not break on them.
    const QString reason = QStringLiteral("line one, with \"quotes\"\nline two\r\nümlaut");
    AgentEvent drain =
        drainEvent(1, kStart, record({}, kStart, reason, QStringLiteral("T,1"))).event;
    log.add(kFra, {drain});
    log.flush();
    model.refresh();
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, 0).data(AuditRole::ReasonRole).toString(), reason);

    const auto parsed = consoletest::readCsv(model.csv());
    ASSERT_TRUE(parsed.has_value()) << model.csv().toStdString();
    ASSERT_EQ(parsed->size(), 2);
    const QStringList header = parsed->at(0);
    ASSERT_EQ(header.size(), model.columnCount());
    for (int column = 0; column < model.columnCount(); ++column)
        EXPECT_EQ(header[column], model.headerData(column, Qt::Horizontal).toString());
    const QStringList row = parsed->at(1);
    EXPECT_EQ(row[static_cast<int>(AuditColumn::Reason)], reason);
    EXPECT_EQ(row[static_cast<int>(AuditColumn::Ticket)], QStringLiteral("T,1"));
    EXPECT_EQ(row[static_cast<int>(AuditColumn::By)], QStringLiteral("alice"));
    EXPECT_EQ(row[static_cast<int>(AuditColumn::Node)], QStringLiteral("fra-1"));
    EXPECT_EQ(parseUtcTimestamp(row[static_cast<int>(AuditColumn::Time)]), kStart);
    EXPECT_TRUE(row[static_cast<int>(AuditColumn::Answer)].contains(QStringLiteral("41")));
}

} // namespace
} // namespace anycast
