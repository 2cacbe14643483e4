// Drain and undrain through the console's dialog, offscreen, against four real agents in two
// regions that share one prefix: what the dialog shows and refuses, the call reaching the
// agent, the phases and the fleet tree following the node's reports.
#include "app/dialogs/DrainDialog.h"
#include "app/models/AuditModel.h"
#include "app/models/FleetModel.h"
#include "app/session/ConsoleFleet.h"
#include "app/views/DrainController.h"
#include "app/views/DrainProgressPanel.h"
#include "tests/console/ConsoleTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>

namespace anycast::consoletest {
namespace {

const QString kWeb = QStringLiteral("192.0.2.1/32");

class DrainWorkflowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        for (const QString &name : {QStringLiteral("fra-1"), QStringLiteral("fra-2"),
                                    QStringLiteral("ams-1"), QStringLiteral("ams-2")}) {
            sshlab::LabAgentOptions options;
            options.region = name.left(3);
            // A few held connections are enough to watch a drain bleed; a drain and an undrain
            // are four route changes, the default flap budget's last.
            options.extraToml = QStringLiteral("\n[service.route]\ndrain_floor = 3\n"
                                               "\n[bgp]\nflap_budget = 20\n");
            auto agent = std::make_unique<sshlab::LabAgent>(m_dir.filePath(name), name, options);
            ASSERT_EQ(agent->start(), QString());
            m_fleet.addLocalAgent(agent->socketPath());
            m_agents.emplace(name, std::move(agent));
        }
        m_controller = std::make_unique<DrainController>(
            m_fleet.state(), [this](const QString &endpoint) { return m_fleet.session(endpoint); },
            &m_host);
        ASSERT_TRUE(waitFor([&] {
            return m_fleet.state()->census().tally(kWeb).announcing() == 4;
        })) << "the four agents never all announced "
            << kWeb.toStdString();
    }

    void TearDown() override
    {
        if (HasFailure()) {
            for (const auto &[name, agent] : m_agents)
                std::fprintf(stderr, "--- %s ---\n%s", qPrintable(name), qPrintable(agent->log()));
        }
    }

    QString endpoint(const QString &name) const
    {
        return QStringLiteral("local:") + m_agents.at(name)->socketPath();
    }

    // Selects `name` as the main window would and opens the dialog once the action applies.
    DrainDialog *open(DrainAction action, const QString &name)
    {
        m_controller->setTarget(name.left(3), endpoint(name), {});
        QAction *wanted = action == DrainAction::Drain ? m_controller->drainAction()
                                                       : m_controller->undrainAction();
        if (!waitFor([&] { return wanted->isEnabled(); }))
            return nullptr;
        wanted->trigger();
        return m_host.findChild<DrainDialog *>();
    }

    // What the agent itself says is in force, read by anycastctl from its socket.
    QJsonArray drainsInForce(const QString &name) const
    {
        QProcess ctl;
        ctl.start(QStringLiteral(ANYCAST_BIN_DIR "/anycastctl"),
                  {QStringLiteral("--socket"), m_agents.at(name)->socketPath(),
                   QStringLiteral("--json"), QStringLiteral("status")});
        if (!ctl.waitForFinished(20000) || ctl.exitCode() != 0)
            return {};
        const QJsonObject status = QJsonDocument::fromJson(ctl.readAllStandardOutput()).object();
        return status.value(QStringLiteral("operator"))
            .toObject()
            .value(QStringLiteral("drains"))
            .toArray();
    }

    const DrainProgress &last() const { return m_controller->drains().constLast(); }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/acdr-XXXXXX")};
    std::map<QString, std::unique_ptr<sshlab::LabAgent>> m_agents;
    ConsoleFleet m_fleet;
    QWidget m_host;
    std::unique_ptr<DrainController> m_controller;
};

TEST_F(DrainWorkflowTest, TheDialogRefusesABlankReasonAndShowsTheFleetsAvailability)
{
    // Nothing selected, or a region: nothing to drain, not "all".
    m_controller->setTarget(QStringLiteral("fra"), {}, {});
    EXPECT_FALSE(m_controller->drainAction()->isEnabled());
    EXPECT_EQ(m_controller->openDialog(DrainAction::Drain), nullptr);

    DrainDialog *dialog = open(DrainAction::Drain, QStringLiteral("fra-1"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(m_controller->undrainAction()->isEnabled()) << "fra-1 is not drained";
    EXPECT_EQ(dialog->acceptButton()->text(), QStringLiteral("Drain fra-1"));
    EXPECT_EQ(dialog->focusWidget(), dialog->cancelButton());
    EXPECT_TRUE(dialog->cancelButton()->isDefault()) << "Enter must not drain";
    EXPECT_FALSE(dialog->acceptButton()->isDefault());
    EXPECT_EQ(dialog->availabilityLines(),
              QStringList{QStringLiteral("192.0.2.1/32: 4 -> 3 nodes; region fra 2 -> 1; "
                                         "region ams 2")});
    EXPECT_TRUE(dialog->riskLines().isEmpty()) << dialog->riskLines().join('\n').toStdString();
    EXPECT_FALSE(dialog->needsTypedName());

    EXPECT_FALSE(dialog->acceptButton()->isEnabled());
    EXPECT_EQ(dialog->hint(), QStringLiteral("A reason is required."));
    dialog->reasonField()->setText(QStringLiteral("   \t "));
    EXPECT_FALSE(dialog->acceptButton()->isEnabled());
    EXPECT_EQ(dialog->hint(), QStringLiteral("A reason is required."));
    dialog->reasonField()->setText(QStringLiteral("kernel upgrade"));
    dialog->ticketField()->setText(QStringLiteral("CHG-7"));
    EXPECT_TRUE(dialog->acceptButton()->isEnabled()) << dialog->hint().toStdString();

    dialog->resize(dialog->sizeHint().expandedTo(QSize(640, 0)));
    waitFor([] { return false; }, 200ms);
    EXPECT_TRUE(dialog->grab().save(QStringLiteral(ANYCAST_BUILD_DIR "/drain-dialog.png")));

    // Enter in the reason field, the button enabled: the dialog closes, nothing is sent.
    QPointer<DrainDialog> open = dialog;
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(dialog->reasonField(), &enter);
    EXPECT_TRUE(waitFor([&] { return open.isNull(); })) << "Enter did not close the dialog";
    waitFor([] { return false; }, 300ms);
    EXPECT_TRUE(m_controller->drains().isEmpty());
    EXPECT_TRUE(drainsInForce(QStringLiteral("fra-1")).isEmpty());
}

TEST_F(DrainWorkflowTest, ADrainReachesTheAgentGoesThroughItsPhasesAndAnUndrainBringsTheRouteBack)
{
    FleetModel model(m_fleet.state());
    // The tree's operator word for fra-1 ("draining (root)": the state, then who).
    const auto operatorWord = [&] {
        model.flush();
        return model
            .indexOf({QStringLiteral("fra"), endpoint(QStringLiteral("fra-1"))},
                     int(FleetColumn::Operator))
            .data()
            .toString()
            .section(QLatin1Char(' '), 0, 0);
    };
    ASSERT_TRUE(m_agents.at(QStringLiteral("fra-1"))->holdConnections(5));
    ASSERT_TRUE(waitFor([&] {
        return m_fleet.state()
                   ->node(endpoint(QStringLiteral("fra-1")))
                   ->established(QStringLiteral("web")) >= 5;
    }));

    DrainDialog *dialog = open(DrainAction::Drain, QStringLiteral("fra-1"));
    ASSERT_NE(dialog, nullptr);
    dialog->reasonField()->setText(QStringLiteral("kernel upgrade"));
    dialog->ticketField()->setText(QStringLiteral("CHG-7"));
    ASSERT_TRUE(dialog->acceptButton()->isEnabled()) << dialog->hint().toStdString();
    dialog->acceptButton()->click();
    ASSERT_EQ(m_controller->drains().size(), 1);

    // Five connections, a floor of three: the route is announced with 65535:0 and bleeds.
    QStringList seen;
    ASSERT_TRUE(waitFor([&] {
        const QString word = operatorWord();
        if (seen.isEmpty() || seen.constLast() != word)
            seen.append(word);
        return last().steps()[2].state == StepState::Active;
    })) << m_controller->panel()->texts().join('\n').toStdString();
    EXPECT_EQ(last().steps()[1].state, StepState::Done);
    EXPECT_TRUE(last().steps()[1].detail.contains(QStringLiteral("65535:0")))
        << last().steps()[1].detail.toStdString();
    EXPECT_TRUE(last().steps()[2].detail.contains(QStringLiteral("5 ESTABLISHED")))
        << last().steps()[2].detail.toStdString();
    EXPECT_TRUE(waitFor([&] { return operatorWord() == QStringLiteral("draining"); }))
        << operatorWord().toStdString();
    EXPECT_TRUE(m_controller->busyRegions().contains(QStringLiteral("fra")));

    const QJsonArray drains = drainsInForce(QStringLiteral("fra-1"));
    ASSERT_EQ(drains.size(), 1);
    EXPECT_EQ(drains[0].toObject().value(QStringLiteral("reason")).toString(),
              QStringLiteral("kernel upgrade"));
    EXPECT_EQ(drains[0].toObject().value(QStringLiteral("ticket")).toString(),
              QStringLiteral("CHG-7"));

    // The audit view lists the drain the dialog made, with its reason, ticket and who.
    AuditModel audit(m_fleet.events(), m_fleet.state());
    const auto auditedDrain = [&]() -> std::optional<AuditRow> {
        audit.refresh();
        for (const AuditRow &row : audit.rows()) {
            if (row.action == QLatin1String("drain") &&
                row.origin.endpoint == endpoint(QStringLiteral("fra-1")) && !row.seenOnlyInStatus())
                return row;
        }
        return std::nullopt;
    };
    ASSERT_TRUE(waitFor([&] { return auditedDrain().has_value(); }))
        << "audit rows: " << audit.rowCount();
    const AuditRow audited = *auditedDrain();
    EXPECT_EQ(audited.reason, QStringLiteral("kernel upgrade"));
    EXPECT_EQ(audited.ticket, QStringLiteral("CHG-7"));
    EXPECT_EQ(audited.state, AuditState::InForce);
    EXPECT_FALSE(audited.by.isEmpty());

    // The connections go: the route is withdrawn, and the tree says drained.
    m_agents.at(QStringLiteral("fra-1"))->dropConnections();
    ASSERT_TRUE(waitFor([&] {
        const QString word = operatorWord();
        if (seen.constLast() != word)
            seen.append(word);
        return last().finished() && word == QStringLiteral("drained");
    })) << m_controller->panel()->texts().join('\n').toStdString();
    EXPECT_EQ(last().outcome(), DrainOutcome::Completed);
    EXPECT_EQ(last().steps()[3].state, StepState::Done);
    EXPECT_TRUE(seen.contains(QStringLiteral("draining"))) << seen.join(' ').toStdString();
    EXPECT_EQ(seen.constLast(), QStringLiteral("drained"));
    EXPECT_EQ(m_fleet.state()->census().tally(kWeb, QStringLiteral("fra")).announcing(), 1);
    EXPECT_TRUE(m_controller->panel()->texts().constFirst().startsWith(
        QStringLiteral("Drain fra-1: done: withdrawn")))
        << m_controller->panel()->texts().constFirst().toStdString();

    // Undrain: announced again after the service's healthy checks.
    EXPECT_FALSE(m_controller->drainAction()->isEnabled()) << "fra-1 is drained";
    DrainDialog *undrain = open(DrainAction::Undrain, QStringLiteral("fra-1"));
    ASSERT_NE(undrain, nullptr);
    EXPECT_EQ(undrain->availabilityLines(),
              QStringList{QStringLiteral("192.0.2.1/32: 3 -> 4 nodes; region fra 1 -> 2; "
                                         "region ams 2")});
    undrain->reasonField()->setText(QStringLiteral("kernel upgraded"));
    ASSERT_TRUE(undrain->acceptButton()->isEnabled()) << undrain->hint().toStdString();
    EXPECT_EQ(undrain->acceptButton()->text(), QStringLiteral("Undrain fra-1"));
    undrain->acceptButton()->click();
    ASSERT_TRUE(waitFor([&] { return last().finished(); }))
        << m_controller->panel()->texts().join('\n').toStdString();
    EXPECT_EQ(last().outcome(), DrainOutcome::Completed) << last().message().toStdString();
    EXPECT_EQ(last().checksNeeded(), 3);
    EXPECT_TRUE(waitFor([&] {
        return m_fleet.state()->census().tally(kWeb).announcing() == 4 &&
               operatorWord() == QStringLiteral("active");
    })) << operatorWord().toStdString();
    EXPECT_TRUE(drainsInForce(QStringLiteral("fra-1")).isEmpty());
}

TEST_F(DrainWorkflowTest, TheLastAnnouncerOfARegionNeedsItsNameTyped)
{
    DrainDialog *first = open(DrainAction::Drain, QStringLiteral("fra-1"));
    ASSERT_NE(first, nullptr);
    first->reasonField()->setText(QStringLiteral("rack move"));
    first->immediateButton()->setChecked(true);
    first->acceptButton()->click();
    ASSERT_TRUE(waitFor([&] { return last().finished(); }));
    ASSERT_EQ(last().outcome(), DrainOutcome::Completed) << last().message().toStdString();
    EXPECT_EQ(last().steps()[1].state, StepState::Skipped);

    DrainDialog *dialog = open(DrainAction::Drain, QStringLiteral("fra-2"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->availabilityLines(),
              QStringList{QStringLiteral("192.0.2.1/32: 3 -> 2 nodes; region fra 1 -> 0; "
                                         "region ams 2")});
    ASSERT_EQ(dialog->riskLines().size(), 1);
    EXPECT_EQ(dialog->riskLines()[0],
              QStringLiteral("192.0.2.1/32: fra-2 is the last node announcing it in region fra."));
    EXPECT_TRUE(dialog->needsTypedName());
    EXPECT_EQ(dialog->forceBox(), nullptr) << "these agents have no fleet peers";

    dialog->reasonField()->setText(QStringLiteral("rack move"));
    EXPECT_FALSE(dialog->acceptButton()->isEnabled());
    EXPECT_TRUE(dialog->hint().contains(QStringLiteral("type the node's name, fra-2")))
        << dialog->hint().toStdString();
    for (const QString &wrong : {QStringLiteral("fra-"), QStringLiteral("FRA-2"),
                                 QStringLiteral("fra-2 "), QStringLiteral("fra-1")}) {
        dialog->confirmField()->setText(wrong);
        EXPECT_FALSE(dialog->acceptButton()->isEnabled()) << wrong.toStdString();
    }
    dialog->confirmField()->setText(QStringLiteral("fra-2"));
    EXPECT_TRUE(dialog->acceptButton()->isEnabled()) << dialog->hint().toStdString();

    dialog->resize(dialog->sizeHint().expandedTo(QSize(640, 0)));
    waitFor([] { return false; }, 200ms);
    EXPECT_TRUE(dialog->grab().save(QStringLiteral(ANYCAST_BUILD_DIR "/drain-dialog-risky.png")));
    dialog->cancelButton()->click();
    waitFor([] { return false; }, 300ms);
    EXPECT_TRUE(drainsInForce(QStringLiteral("fra-2")).isEmpty());
}

} // namespace
} // namespace anycast::consoletest
