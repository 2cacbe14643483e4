#include "app/views/FleetStatusStrip.h"

#include "app/models/FleetState.h"

#include <QHBoxLayout>
#include <QLabel>

namespace anycast {
namespace {

QLabel *countLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

FleetStatusStrip::FleetStatusStrip(FleetState *fleet, QWidget *parent)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_nodes(countLabel(QStringLiteral("nodeCounts"), this))
    , m_prefixes(countLabel(QStringLiteral("prefixCounts"), this))
    , m_drains(countLabel(QStringLiteral("drainCounts"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(24);
    layout->addWidget(m_nodes);
    layout->addWidget(m_prefixes);
    layout->addWidget(m_drains);
    m_recount.setSingleShot(true);
    m_recount.setInterval(kRecountDelay);
    connect(&m_recount, &QTimer::timeout, this, &FleetStatusStrip::recount);
    connect(fleet, &FleetState::nodeAdded, this, &FleetStatusStrip::schedule);
    connect(fleet, &FleetState::nodeRemoved, this, &FleetStatusStrip::schedule);
    connect(fleet, &FleetState::nodeChanged, this, &FleetStatusStrip::schedule);
    recount();
}

void FleetStatusStrip::schedule()
{
    if (!m_recount.isActive())
        m_recount.start();
}

void FleetStatusStrip::recount()
{
    m_recount.stop();
    m_counts = FleetCounts::of(*m_fleet);
    const FleetCounts &c = m_counts;
    m_nodes->setText(
        c.nodes == 0
            ? tr("No nodes in the inventory")
            : tr("Nodes: %1 connected, %2 unreachable").arg(c.connected).arg(c.unreachable));
    m_nodes->setToolTip(tr("Unreachable counts every node not connected now: connecting, "
                           "refused, or down."));
    m_prefixes->setText(c.unknownPrefixes > 0
                            ? tr("Prefixes: %1 fully, %2 partly, %3 not announced, %4 unknown")
                                  .arg(c.fullyAnnounced)
                                  .arg(c.partlyAnnounced)
                                  .arg(c.notAnnounced)
                                  .arg(c.unknownPrefixes)
                            : tr("Prefixes: %1 fully, %2 partly, %3 not announced")
                                  .arg(c.fullyAnnounced)
                                  .arg(c.partlyAnnounced)
                                  .arg(c.notAnnounced));
    m_prefixes->setToolTip(tr("Fully: every node that serves the prefix announces it. Partly: "
                              "some do. Unknown: every node that serves it is unreachable."));
    m_drains->setText(c.drains == 0 ? tr("No drains in force")
                                    : tr("Drains in force: %1").arg(c.drains));
}

} // namespace anycast
