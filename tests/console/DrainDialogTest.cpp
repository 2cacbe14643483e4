// The dialog's choices that the lab agents cannot show (they have no fleet peers): `force`
// offered only when the fleet guard would hold the route, and what ticking it demands. The
// fleet is hand-built from what agents would send.
#include "app/dialogs/DrainDialog.h"

#include "tests/console/ConsoleTestSupport.h"
#include "tests/models/FleetBuilders.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace anycast::consoletest {
namespace {

// Three nodes announce the prefix; each agent's status says min_announcing is 3, with a peer.
class GuardedFleet : public ::testing::Test
{
protected:
    void SetUp() override
    {
        for (const QString &name :
             {QStringLiteral("fra-1"), QStringLiteral("fra-2"), QStringLiteral("ams-1")}) {
            modeltest::NodeSpec spec;
            spec.node = name;
            spec.region = name.left(3);
            modeltest::ServiceSpec web;
            web.name = QStringLiteral("web");
            web.prefixes = {QStringLiteral("192.0.2.1/32")};
            spec.services = {web};
            const QString endpoint = QStringLiteral("ep-") + name;
            m_fleet.addNode(endpoint);
            m_fleet.setLink(endpoint, LinkStatus{LinkPhase::Connected, {}, {}});
            m_fleet.setHello(endpoint, modeltest::helloOf(spec));
            AgentStatus status = modeltest::statusOf(spec);
            status.fleet.minAnnouncing = 3;
            status.fleet.peers = {
                FleetPeerStatus{QStringLiteral("http://127.0.0.2:9642"), {}, {}, true, {}, {}, 0}};
            m_fleet.setStatus(endpoint, status);
        }
    }

    FleetState m_fleet;
};

TEST_F(GuardedFleet, ForceIsOfferedWhenTheGuardWouldHoldAndTickingItNeedsTheName)
{
    DrainDialog dialog(
        DrainPlan::of(m_fleet, DrainAction::Drain, {QStringLiteral("ep-fra-2"), std::nullopt}));
    dialog.show();
    ASSERT_NE(dialog.forceBox(), nullptr);
    EXPECT_FALSE(dialog.forceBox()->isChecked());
    EXPECT_TRUE(dialog.forceBox()->text().contains(QStringLiteral("min_announcing 3")));
    EXPECT_TRUE(dialog.riskLines().join('\n').contains(QStringLiteral("fleet guard will keep")))
        << dialog.riskLines().join('\n').toStdString();

    // Without force the guard keeps the route: routine, the reason is enough.
    dialog.reasonField()->setText(QStringLiteral("rack move"));
    EXPECT_FALSE(dialog.needsTypedName());
    EXPECT_TRUE(dialog.acceptButton()->isEnabled()) << dialog.hint().toStdString();
    EXPECT_FALSE(dialog.drainRequest().force);

    dialog.forceBox()->setChecked(true);
    EXPECT_TRUE(dialog.needsTypedName());
    EXPECT_FALSE(dialog.acceptButton()->isEnabled());
    EXPECT_TRUE(dialog.confirmField()->isVisible());
    dialog.confirmField()->setText(QStringLiteral("fra-2"));
    EXPECT_TRUE(dialog.acceptButton()->isEnabled()) << dialog.hint().toStdString();

    dialog.immediateButton()->setChecked(true);
    const DrainRequest request = dialog.drainRequest();
    EXPECT_TRUE(request.force);
    EXPECT_EQ(request.mode, DrainMode::Immediate);
    EXPECT_EQ(request.reason, QStringLiteral("rack move"));
    EXPECT_FALSE(request.service.has_value()) << "a node drain sends no service";
    EXPECT_TRUE(request.ticket.isEmpty());
}

TEST_F(GuardedFleet, AReasonWithControlCharactersOrPaddingIsRefusedOrTrimmedAsTheAgentWould)
{
    DrainDialog dialog(DrainPlan::of(m_fleet, DrainAction::Drain,
                                     {QStringLiteral("ep-fra-1"), QStringLiteral("web")}));
    EXPECT_EQ(dialog.acceptButton()->text(), QStringLiteral("Drain web on fra-1"));
    dialog.reasonField()->setText(QStringLiteral("bad\u0007deploy"));
    EXPECT_FALSE(dialog.acceptButton()->isEnabled());
    EXPECT_TRUE(dialog.hint().startsWith(QStringLiteral("The reason ")))
        << dialog.hint().toStdString();
    dialog.reasonField()->setText(QStringLiteral("  bad deploy  "));
    EXPECT_TRUE(dialog.acceptButton()->isEnabled()) << dialog.hint().toStdString();
    EXPECT_EQ(dialog.drainRequest().reason, QStringLiteral("bad deploy"));
    EXPECT_EQ(dialog.drainRequest().service, QStringLiteral("web"));
}

TEST_F(GuardedFleet, APlanThatCannotBeSentNeverEnablesTheButton)
{
    DrainDialog dialog(
        DrainPlan::of(m_fleet, DrainAction::Drain, {QStringLiteral("ep-fra-1"), QString()}));
    dialog.reasonField()->setText(QStringLiteral("rack move"));
    EXPECT_FALSE(dialog.acceptButton()->isEnabled());
    EXPECT_EQ(dialog.hint(), QStringLiteral("No service is selected."));
}

} // namespace
} // namespace anycast::consoletest
