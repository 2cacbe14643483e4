#include "agent/state/AuditRecovery.h"

#include "tests/state/StateTestSupport.h"

#include <gtest/gtest.h>

#include <vector>

namespace anycast {
namespace {

// The attempt that drains the node as test::sampleDrain() records it.
AuditEntry drainAttempt(quint64 id, const QString &target = {})
{
    const DrainRecord drain = test::sampleDrain(target);
    AuditEntry entry;
    entry.id = id;
    entry.kind = AuditKind::Attempt;
    entry.time = drain.since;
    entry.who = drain.by;
    entry.uid = drain.uid;
    entry.pid = 4242;
    entry.action = QStringLiteral("drain");
    entry.target = target;
    entry.reason = drain.reason;
    entry.ticket = drain.ticket;
    entry.mode = drainModeName(drain.mode);
    entry.result = QStringLiteral("pending");
    return entry;
}

AuditEntry outcomeOf(quint64 id, quint64 attempt)
{
    AuditEntry entry = drainAttempt(id);
    entry.kind = AuditKind::Outcome;
    entry.attempt = attempt;
    entry.result = QStringLiteral("applied");
    return entry;
}

TEST(AuditRecovery, FindsTheAttemptsWithoutAnOutcomeAndTheHighestId)
{
    AuditEntry refused = drainAttempt(4);
    refused.kind = AuditKind::Refused;
    const QList<QJsonObject> records = {
        drainAttempt(1).toJson(),
        outcomeOf(2, 1).toJson(),
        drainAttempt(3, QStringLiteral("web")).toJson(),
        refused.toJson(),
        drainAttempt(5).toJson(),
        // Older records without ids or kinds, and a record of a format to come: only ids count.
        QJsonObject{{QStringLiteral("result"), QStringLiteral("accepted")}},
        QJsonObject{{QStringLiteral("id"), 9}, {QStringLiteral("kind"), QStringLiteral("new")}},
        outcomeOf(8, 5).toJson(),
    };
    const AuditRecovery recovery = recoverAudit(records);
    EXPECT_EQ(recovery.highestId, 9u);
    ASSERT_EQ(recovery.unfinished.size(), 1);
    EXPECT_EQ(recovery.unfinished[0].id, 3u);
    EXPECT_EQ(recovery.unfinished[0].target, QStringLiteral("web"));
    EXPECT_EQ(recovery.unfinished[0].reason, test::sampleDrain().reason);

    EXPECT_EQ(recoverAudit({}).highestId, 0u);
    EXPECT_TRUE(recoverAudit({}).unfinished.isEmpty());
}

DrainStateLoad loaded(const DrainState &state)
{
    return DrainStateLoad{DrainStateLoad::Kind::Loaded, state, {}};
}

struct ReconcileRow
{
    const char *name;
    AuditEntry attempt;
    DrainStateLoad load;
    QString result;
};

TEST(AuditRecovery, AnUnfinishedAttemptIsJudgedByTheStateFile)
{
    const DrainStateLoad missing{DrainStateLoad::Kind::Missing, {}, {}};
    DrainState nodeDrained;
    nodeDrained.set(test::sampleDrain());
    DrainState otherReason = nodeDrained;
    DrainRecord changed = test::sampleDrain();
    changed.reason = QStringLiteral("another drain");
    otherReason.set(changed);
    DrainState forced;
    DrainRecord forcedDrain = test::sampleDrain();
    forcedDrain.forceWithdraw = true;
    forced.set(forcedDrain);
    DrainState immediate;
    DrainRecord immediateDrain = test::sampleDrain();
    immediateDrain.mode = DrainMode::Immediate;
    immediate.set(immediateDrain);
    DrainState serviceDrained;
    serviceDrained.set(test::sampleDrain(QStringLiteral("web")));

    AuditEntry forcedAttempt = drainAttempt(1);
    forcedAttempt.extra.insert(QStringLiteral("force"), true);
    AuditEntry undrainNode = drainAttempt(1);
    undrainNode.action = QStringLiteral("undrain");
    undrainNode.mode.clear();
    AuditEntry undrainWeb = undrainNode;
    undrainWeb.target = QStringLiteral("web");
    AuditEntry unknownAction = drainAttempt(1);
    unknownAction.action = QStringLiteral("reboot");

    const QString applied = QStringLiteral("reconciled: applied");
    const QString notApplied = QStringLiteral("reconciled: not applied");
    const std::vector<ReconcileRow> table = {
        {"drain in the state", drainAttempt(1), loaded(nodeDrained), applied},
        {"drain not in the state", drainAttempt(1), loaded({}), notApplied},
        {"drain, no state file", drainAttempt(1), missing, notApplied},
        {"another drain of the target", drainAttempt(1), loaded(otherReason), notApplied},
        {"drain of another target", drainAttempt(1), loaded(serviceDrained), notApplied},
        {"drain in another mode", drainAttempt(1), loaded(immediate), notApplied},
        {"forced drain, state not forced", forcedAttempt, loaded(nodeDrained), notApplied},
        {"forced drain in the state", forcedAttempt, loaded(forced), applied},
        {"unforced drain, state forced", drainAttempt(1), loaded(forced), notApplied},
        {"undrain, target gone", undrainNode, loaded(serviceDrained), applied},
        {"undrain, no state file", undrainNode, missing, applied},
        {"undrain, target still drained", undrainNode, loaded(nodeDrained), notApplied},
        {"service undrain, node drained", undrainWeb, loaded(nodeDrained), applied},
        {"service undrain, still drained", undrainWeb, loaded(serviceDrained), notApplied},
        {"unreadable state", drainAttempt(1),
         DrainStateLoad{DrainStateLoad::Kind::Unreadable, {}, QStringLiteral("f: cannot open")},
         QStringLiteral("reconciled: unknown: f: cannot open")},
        {"corrupt state", undrainNode,
         DrainStateLoad{DrainStateLoad::Kind::Corrupt, {}, QStringLiteral("f: line 1: x")},
         QStringLiteral("reconciled: unknown: f: line 1: x")},
        {"unknown action", unknownAction, loaded(nodeDrained),
         QStringLiteral("reconciled: unknown: no rule for action \"reboot\"")},
    };
    for (const ReconcileRow &row : table) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(reconciledResult(row.attempt, row.load), row.result);
    }
}

TEST(AuditRecovery, RecordsReadBackAsTheyWereWritten)
{
    AuditEntry entry = outcomeOf(12, 11);
    entry.extra = {{QStringLiteral("force"), true}};
    JsonReader reader(entry.toJson());
    const AuditEntry back = AuditEntry::fromJson(reader);
    ASSERT_TRUE(reader.ok()) << reader.error().toStdString();
    EXPECT_EQ(back.id, 12u);
    EXPECT_EQ(back.kind, AuditKind::Outcome);
    EXPECT_EQ(back.attempt, std::optional<quint64>(11));
    EXPECT_EQ(back.time, entry.time);
    EXPECT_EQ(back.toJson(), entry.toJson());

    QJsonObject unknownKind = entry.toJson();
    unknownKind.insert(QStringLiteral("kind"), QStringLiteral("accepted"));
    JsonReader bad(unknownKind);
    (void)AuditEntry::fromJson(bad);
    EXPECT_EQ(bad.error(), QStringLiteral("kind: unknown kind \"accepted\""));
}

} // namespace
} // namespace anycast
