// The event dock and the audit view against two real anycast-agent processes (regions fra
// and ams) over their real API sockets: events merged by time with node and region, the
// dock's filters and "follow latest", a gap row when an agent restarts, and a real drain
// and undrain made with anycastctl in the audit view with who, reason and ticket; stale with
// a clock the test moves; the CSV export read back.
#include "app/models/AuditModel.h"
#include "app/models/EventFilterProxy.h"
#include "app/models/EventLogModel.h"
#include "app/models/ModelRoles.h"
#include "app/session/ConsoleFleet.h"
#include "app/views/AuditPage.h"
#include "app/views/EventDock.h"
#include "tests/console/CsvReader.h"
#include "tests/sshlab/LabAgent.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <pwd.h>
#include <unistd.h>

namespace anycast {
namespace {

sshlab::LabAgentOptions inRegion(const QString &region)
{
    sshlab::LabAgentOptions options;
    options.region = region;
    return options;
}

using namespace std::chrono_literals;

bool spinUntil(const std::function<bool()> &done, std::chrono::milliseconds limit = 25s)
{
    const QDeadlineTimer deadline(limit);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

QString currentUser()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

class EventViewsAgentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(::geteuid(), 0u) << "the agents run as root here, as CI runs them";
        ASSERT_TRUE(m_dir.isValid());
        const QString fraError = m_fra.start();
        ASSERT_TRUE(fraError.isEmpty()) << fraError.toStdString();
        const QString amsError = m_ams.start();
        ASSERT_TRUE(amsError.isEmpty()) << amsError.toStdString();
        m_fleet.addLocalAgent(m_fra.socketPath());
        m_fleet.addLocalAgent(m_ams.socketPath());
        ASSERT_TRUE(spinUntil([&] {
            return rowsOf(fraEndpoint()) > 0 && rowsOf(amsEndpoint()) > 0;
        })) << "fra rows "
            << rowsOf(fraEndpoint()) << ", ams rows " << rowsOf(amsEndpoint());
    }

    void TearDown() override
    {
        if (HasFailure()) {
            std::fprintf(stderr, "--- fra agent ---\n%s\n--- ams agent ---\n%s\n",
                         qPrintable(m_fra.log()), qPrintable(m_ams.log()));
        }
    }

    QString fraEndpoint() const { return QStringLiteral("local:") + m_fra.socketPath(); }
    QString amsEndpoint() const { return QStringLiteral("local:") + m_ams.socketPath(); }

    qsizetype rowsOf(const QString &endpoint, EventEntry::Type type = EventEntry::Type::Event)
    {
        const auto &entries = m_fleet.events()->entries();
        return std::count_if(entries.begin(), entries.end(), [&](const EventEntry &e) {
            return e.origin.endpoint == endpoint && e.type == type;
        });
    }

    bool logHas(const QString &endpoint, const QString &kind)
    {
        const auto &entries = m_fleet.events()->entries();
        return std::any_of(entries.begin(), entries.end(), [&](const EventEntry &e) {
            return e.origin.endpoint == endpoint && e.event.kind == kind;
        });
    }

    // anycastctl, as an operator on the node runs it.
    void ctl(const sshlab::LabAgent &agent, const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(ANYCAST_BIN_DIR "/anycastctl"),
                      QStringList{QStringLiteral("--socket"), agent.socketPath()} + arguments);
        ASSERT_TRUE(process.waitForFinished(10000));
        ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    }

    static QStringList column(const QAbstractItemModel &model, int role)
    {
        QStringList values;
        for (int row = 0; row < model.rowCount(); ++row)
            values.append(model.index(row, 0).data(role).toString());
        return values;
    }

    // Short: the agents' socket paths must fit sun_path.
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/acev-XXXXXX")};
    sshlab::LabAgent m_fra{m_dir.filePath(QStringLiteral("fra")), QStringLiteral("ev-fra-1"),
                           inRegion(QStringLiteral("fra"))};
    sshlab::LabAgent m_ams{m_dir.filePath(QStringLiteral("ams")), QStringLiteral("ev-ams-1"),
                           inRegion(QStringLiteral("ams"))};
    ConsoleFleet m_fleet;
};

TEST_F(EventViewsAgentTest, TwoAgentsEventsMergeByTimeFilterAndARestartLeavesAGapRow)
{
    EventDock dock(m_fleet.events(), m_fleet.state());
    dock.resize(900, 400);
    dock.show();
    ctl(m_fra, {QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("merge test")});
    ASSERT_TRUE(spinUntil([&] { return logHas(fraEndpoint(), QStringLiteral("drain")); }));

    const EventLogModel *model = dock.model();
    ASSERT_GT(model->rowCount(), 2);
    for (int row = 1; row < model->rowCount(); ++row) {
        EXPECT_LE(model->index(row - 1, 0).data(EventRole::TimeRole).toDateTime(),
                  model->index(row, 0).data(EventRole::TimeRole).toDateTime())
            << "row " << row;
    }
    const QStringList regions = column(*model, EventRole::RegionRole);
    EXPECT_TRUE(regions.contains(QStringLiteral("fra")));
    EXPECT_TRUE(regions.contains(QStringLiteral("ams")));
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, static_cast<int>(EventColumn::Node));
        const bool fra = index.data(EventRole::EndpointRole).toString() == fraEndpoint();
        EXPECT_EQ(index.data().toString(),
                  fra ? QStringLiteral("ev-fra-1") : QStringLiteral("ev-ams-1"));
        EXPECT_EQ(index.data(EventRole::RegionRole).toString(),
                  fra ? QStringLiteral("fra") : QStringLiteral("ams"));
    }

    const EventFilterProxy *shown = dock.proxy();
    dock.setNodeFilter(amsEndpoint());
    ASSERT_GT(shown->rowCount(), 0);
    for (const QString &node : column(*shown, EventRole::NodeRole))
        EXPECT_EQ(node, QStringLiteral("ev-ams-1"));
    dock.setNodeFilter({});
    dock.setRegionFilter(QStringLiteral("fra"));
    ASSERT_GT(shown->rowCount(), 0);
    for (const QString &region : column(*shown, EventRole::RegionRole))
        EXPECT_EQ(region, QStringLiteral("fra"));
    dock.setRegionFilter({});
    dock.setKindFilter(QStringLiteral("drain"));
    EXPECT_EQ(column(*shown, EventRole::KindRole), QStringList{QStringLiteral("drain")});
    dock.setKindFilter({});
    dock.setTextFilter(QStringLiteral("MERGE TEST")); // the drain's message does not say why
    EXPECT_EQ(shown->rowCount(), 0);
    dock.setTextFilter(QStringLiteral("draining"));
    EXPECT_EQ(column(*shown, EventRole::KindRole), QStringList{QStringLiteral("drain")});
    dock.setTextFilter({});
    EXPECT_EQ(shown->rowCount(), model->rowCount());

    // ams restarts while the console watches: its numbers start over, and the log says so.
    m_ams.stop();
    const QString error = m_ams.start();
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_TRUE(spinUntil([&] {
        return rowsOf(amsEndpoint(), EventEntry::Type::AgentRestarted) == 1;
    })) << "no gap row for the restart";
    const auto &entries = m_fleet.events()->entries();
    const auto gap = std::find_if(entries.begin(), entries.end(), [](const EventEntry &e) {
        return e.type == EventEntry::Type::AgentRestarted;
    });
    EXPECT_EQ(gap->origin.region, QStringLiteral("ams"));
    const QModelIndex gapKind =
        model->index(static_cast<int>(gap - entries.begin()), static_cast<int>(EventColumn::Kind));
    EXPECT_EQ(gapKind.data().toString(), EventLogModel::gapWord());
    // The gap stays in sight whatever kind is filtered for.
    dock.setKindFilter(QStringLiteral("drain"));
    EXPECT_TRUE(column(*shown, EventRole::EntryTypeRole)
                    .contains(QString::number(static_cast<int>(EventEntry::Type::AgentRestarted))));
    // The new run's events follow the gap.
    const auto next = std::next(gap);
    ASSERT_NE(next, entries.end());
    EXPECT_LE(gap->time, next->time);
}

TEST_F(EventViewsAgentTest, FollowLatestKeepsTheNewestRowInSightUntilTheReaderScrollsUp)
{
    EventDock dock(m_fleet.events(), m_fleet.state());
    dock.resize(900, 150);
    dock.show();
    QScrollBar *scroll = dock.table()->verticalScrollBar();
    // Drains and undrains until the table scrolls.
    for (int round = 0; round < 10 && scroll->maximum() == 0; ++round) {
        ctl(m_fra, {QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("fill")});
        ctl(m_fra, {QStringLiteral("undrain"), QStringLiteral("--reason"), QStringLiteral("fill")});
        spinUntil([] { return false; }, 400ms);
    }
    ASSERT_GT(scroll->maximum(), 0) << "the table never needed to scroll";
    ASSERT_TRUE(dock.followsLatest());
    ASSERT_TRUE(spinUntil([&] { return scroll->value() == scroll->maximum(); }));

    scroll->setValue(0); // the reader scrolls up
    EXPECT_FALSE(dock.followsLatest());
    const int rows = dock.proxy()->rowCount();
    ctl(m_fra, {QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("more")});
    ASSERT_TRUE(spinUntil([&] { return dock.proxy()->rowCount() > rows; }));
    EXPECT_EQ(scroll->value(), 0) << "new rows must not pull the reader away";

    dock.setFollowLatest(true);
    EXPECT_EQ(scroll->value(), scroll->maximum());
    const int more = dock.proxy()->rowCount();
    ctl(m_fra, {QStringLiteral("undrain"), QStringLiteral("--reason"), QStringLiteral("more")});
    ASSERT_TRUE(spinUntil([&] { return dock.proxy()->rowCount() > more; }));
    EXPECT_TRUE(dock.followsLatest());
    EXPECT_EQ(scroll->value(), scroll->maximum());
}

TEST_F(EventViewsAgentTest, TheAuditViewListsARealDrainAndUndrainGoesStaleAndExportsCsv)
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    auto *model = new AuditModel(m_fleet.events(), m_fleet.state(), [&] { return now; });
    AuditPage page(model);
    page.resize(1200, 300);
    page.show();
    const QString reason = QStringLiteral("disk swap, bay \"3\"");
    ctl(m_fra, {QStringLiteral("drain"), QStringLiteral("--service"), QStringLiteral("web"),
                QStringLiteral("--reason"), reason, QStringLiteral("--ticket"),
                QStringLiteral("CHG-42,a")});
    const auto rowWith = [&](const QString &action) -> std::optional<AuditRow> {
        for (const AuditRow &row : model->rows()) {
            if (row.action == action && row.origin.endpoint == fraEndpoint())
                return row;
        }
        return std::nullopt;
    };
    ASSERT_TRUE(spinUntil([&] {
        // The node's status may say so a moment before the event joins the log.
        const auto row = rowWith(QStringLiteral("drain"));
        return row && row->state == AuditState::InForce && !row->seenOnlyInStatus();
    })) << "rows: "
        << model->rowCount();
    const AuditRow drain = *rowWith(QStringLiteral("drain"));
    EXPECT_EQ(drain.by, currentUser());
    EXPECT_EQ(drain.reason, reason);
    EXPECT_EQ(drain.ticket, QStringLiteral("CHG-42,a"));
    EXPECT_EQ(drain.target, QStringLiteral("web"));
    EXPECT_EQ(drain.origin.node, QStringLiteral("ev-fra-1"));
    EXPECT_EQ(drain.origin.region, QStringLiteral("fra"));
    EXPECT_EQ(drain.mode, QStringLiteral("graceful"));
    EXPECT_TRUE(drain.result.value(QStringLiteral("persisted")).toBool());
    EXPECT_TRUE(drain.result.value(QStringLiteral("audit_attempt")).isDouble());
    EXPECT_FALSE(drain.stale);
    EXPECT_EQ(model->inForceCount(), 1);

    // A day later by the test's clock, the drain still held is stale, in words.
    now = now.addSecs(24 * 3600 + 60);
    model->refresh();
    EXPECT_EQ(model->staleCount(), 1);
    const int staleRow = static_cast<int>(model->rows().indexOf(*rowWith(QStringLiteral("drain"))));
    const QModelIndex state = model->index(staleRow, static_cast<int>(AuditColumn::State));
    EXPECT_TRUE(state.data(AuditRole::StaleRole).toBool());
    EXPECT_TRUE(state.data().toString().startsWith(QStringLiteral("STALE")))
        << state.data().toString().toStdString();
    // For a look at it: ANYCAST_TEST_SHOTS names a folder for the picture.
    if (const QString shots = qEnvironmentVariable("ANYCAST_TEST_SHOTS"); !shots.isEmpty())
        page.grab().save(shots + QStringLiteral("/audit-stale.png"));
    page.setStaleAfterHours(48);
    EXPECT_EQ(model->staleCount(), 0);
    page.setStaleAfterHours(24);

    ctl(m_fra, {QStringLiteral("undrain"), QStringLiteral("--service"), QStringLiteral("web"),
                QStringLiteral("--reason"), QStringLiteral("swapped, ok")});
    ASSERT_TRUE(spinUntil([&] {
        const auto row = rowWith(QStringLiteral("drain"));
        return rowWith(QStringLiteral("undrain")) && row && row->state == AuditState::Ended;
    }));
    const AuditRow undrain = *rowWith(QStringLiteral("undrain"));
    EXPECT_EQ(undrain.reason, QStringLiteral("swapped, ok"));
    EXPECT_EQ(undrain.by, currentUser());
    EXPECT_GT(undrain.time, drain.time);
    EXPECT_EQ(model->staleCount(), 0);

    const QString path = m_dir.filePath(QStringLiteral("audit.csv"));
    QString error;
    ASSERT_TRUE(page.exportCsv(path, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto records = consoletest::readCsv(file.readAll());
    ASSERT_TRUE(records.has_value());
    ASSERT_EQ(records->size(), model->rowCount() + 1);
    const int reasonColumn = static_cast<int>(AuditColumn::Reason);
    bool sawDrain = false;
    bool sawUndrain = false;
    for (const QStringList &record : records->mid(1)) {
        ASSERT_EQ(record.size(), kAuditColumnCount);
        sawDrain = sawDrain ||
                   (record[reasonColumn] == reason &&
                    record[static_cast<int>(AuditColumn::Ticket)] == QStringLiteral("CHG-42,a"));
        sawUndrain = sawUndrain || record[reasonColumn] == QStringLiteral("swapped, ok");
    }
    EXPECT_TRUE(sawDrain);
    EXPECT_TRUE(sawUndrain);
}

} // namespace
} // namespace anycast
