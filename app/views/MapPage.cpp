#include "app/views/MapPage.h"

#include "app/views/MapMarkerFeed.h"
#include "app/widgets/StateLegend.h"
#include "app/widgets/WorldMapView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace anycast {

MapPage::MapPage(const QAbstractItemModel *prefixModel, const QAbstractItemModel *fleetModel,
                 const FleetState *fleet, QWidget *parent)
    : QWidget(parent)
    , m_feed(new MapMarkerFeed(prefixModel, fleetModel, fleet, this))
    , m_prefixes(new QComboBox(this))
    , m_map(new WorldMapView(this))
    , m_unplacedTitle(new QLabel(tr("Not on the map"), this))
    , m_unplaced(new QListWidget(this))
{
    auto *selectorRow = new QHBoxLayout;
    auto *selectorLabel = new QLabel(tr("&Prefix:"), this);
    selectorLabel->setBuddy(m_prefixes);
    m_prefixes->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_prefixes->setToolTip(tr("The prefix whose announcements the map shows"));
    selectorRow->addWidget(selectorLabel);
    selectorRow->addWidget(m_prefixes);
    selectorRow->addStretch(1);

    auto *side = new QVBoxLayout;
    side->addWidget(new StateLegend(Qt::Vertical, this));
    side->addSpacing(12);
    QFont bold = m_unplacedTitle->font();
    bold.setBold(true);
    m_unplacedTitle->setFont(bold);
    side->addWidget(m_unplacedTitle);
    m_unplaced->setToolTip(tr("Nodes the map cannot place: they are still in the fleet tree"));
    side->addWidget(m_unplaced, 1);

    auto *body = new QHBoxLayout;
    body->addWidget(m_map, 1);
    body->addLayout(side);
    auto *page = new QVBoxLayout(this);
    page->addLayout(selectorRow);
    page->addLayout(body, 1);

    connect(m_feed, &MapMarkerFeed::prefixesChanged, this, &MapPage::showPrefixes);
    connect(m_feed, &MapMarkerFeed::prefixChanged, this, [this](const QString &prefix) {
        const QSignalBlocker quiet(m_prefixes);
        m_prefixes->setCurrentIndex(m_prefixes->findText(prefix));
    });
    connect(m_feed, &MapMarkerFeed::markersChanged, m_map, &WorldMapView::setMarkers);
    connect(m_feed, &MapMarkerFeed::unplacedChanged, this, &MapPage::showUnplaced);
    connect(m_prefixes, &QComboBox::activated, this,
            [this](int index) { m_feed->setPrefix(m_prefixes->itemText(index)); });
    connect(m_map, &WorldMapView::markerActivated, this, &MapPage::regionActivated);
    showPrefixes(m_feed->prefixes());
    m_map->setMarkers(m_feed->markers());
    showUnplaced(m_feed->unplaced());
}

void MapPage::refresh()
{
    m_feed->refresh();
}

void MapPage::showPrefixes(const QStringList &prefixes)
{
    const QSignalBlocker quiet(m_prefixes);
    m_prefixes->clear();
    m_prefixes->addItems(prefixes);
    m_prefixes->setCurrentIndex(m_prefixes->findText(m_feed->prefix()));
}

void MapPage::showUnplaced(const QStringList &unplaced)
{
    m_unplaced->clear();
    m_unplaced->addItems(unplaced);
    m_unplacedTitle->setText(
        unplaced.isEmpty() ? tr("Every node is on the map")
                           : tr("Not on the map (%n)", nullptr, static_cast<int>(unplaced.size())));
}

} // namespace anycast
