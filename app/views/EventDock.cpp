#include "app/views/EventDock.h"

#include "app/models/EventFilterProxy.h"
#include "app/models/EventLogModel.h"
#include "app/models/FleetState.h"
#include "app/models/ModelRoles.h"
#include "app/style/WarningGlyph.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace anycast {
namespace {

// A gap row is set in italics with a warning triangle beside its kind, so it stands out from
// the events around it without relying on colour.
class GapDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(EventRole::EntryTypeRole).toInt() ==
            static_cast<int>(EventEntry::Type::Event))
            return;
        option->font.setItalic(true);
        if (index.column() == static_cast<int>(EventColumn::Kind)) {
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->icon = m_icon;
        }
    }

private:
    QIcon m_icon = WarningGlyph::icon();
};

} // namespace

EventDock::EventDock(const EventLog *log, const FleetState *fleet, QWidget *parent)
    : QDockWidget(parent)
    , m_log(log)
    , m_fleet(fleet)
    , m_model(new EventLogModel(log, this))
    , m_proxy(new EventFilterProxy(this))
    , m_node(new QComboBox(this))
    , m_region(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_follow(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QString::fromLatin1(kObjectName));
    //: Title of the dock that lists every node's events.
    setWindowTitle(tr("Events"));
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new GapDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int widths[kEventColumnCount] = {150, 110, 80, 80, 90, 400};
    for (int column = 0; column < kEventColumnCount; ++column)
        m_table->horizontalHeader()->resizeSection(column, widths[column]);

    m_node->setAccessibleName(tr("Node"));
    m_node->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_region->setAccessibleName(tr("Region"));
    m_region->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kind->setAccessibleName(tr("Kind"));
    //: Placeholder of the event dock's text filter.
    m_text->setPlaceholderText(tr("Filter events"));
    m_text->setClearButtonEnabled(true);
    //: Toggle of the event dock: keep the newest event in sight.
    m_follow->setText(tr("Follow &latest"));
    m_follow->setToolTip(tr("Keep the newest event in sight. Scrolling up turns this off."));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_node);
    filters->addWidget(m_region);
    filters->addWidget(m_kind);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_follow);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);
    setWidget(content);

    fillKindChoices();
    fillNodeChoices();
    connect(m_node, &QComboBox::currentIndexChanged, this, &EventDock::applyChoices);
    connect(m_region, &QComboBox::currentIndexChanged, this, &EventDock::applyChoices);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &EventDock::applyChoices);
    connect(m_text, &QLineEdit::textChanged, m_proxy, &EventFilterProxy::setText);
    connect(m_follow, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            scrollToLatest();
    });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &EventDock::onScrolled);
    // The view lays new rows out after they are inserted: the scroll range grows later.
    connect(m_table->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (followsLatest())
            scrollToLatest();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (followsLatest())
            scrollToLatest();
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &EventDock::countRows);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EventDock::countRows);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EventDock::countRows);
    connect(log, &EventLog::droppedChanged, this, &EventDock::countRows);
    connect(fleet, &FleetState::nodeAdded, this, &EventDock::fillNodeChoices);
    connect(fleet, &FleetState::nodeRemoved, this, &EventDock::fillNodeChoices);
    connect(fleet, &FleetState::nodeChanged, this,
            [this](const QString &, FleetState::Aspects aspects) {
                if (aspects & FleetState::IdentityAspect)
                    fillNodeChoices();
            });
    countRows();
}

bool EventDock::followsLatest() const
{
    return m_follow->isChecked();
}

void EventDock::setFollowLatest(bool on)
{
    m_follow->setChecked(on);
}

void EventDock::scrollToLatest()
{
    m_scrollingToLatest = true;
    m_table->scrollToBottom();
    m_scrollingToLatest = false;
}

void EventDock::onScrolled(int value)
{
    // Only the reader moves the view away from the newest row; new rows and the caps' drops
    // leave it at the bottom.
    if (m_scrollingToLatest || !followsLatest())
        return;
    if (value < m_table->verticalScrollBar()->maximum())
        setFollowLatest(false);
}

void EventDock::fillKindChoices()
{
    const QSignalBlocker blocker(m_kind);
    m_kind->clear();
    //: Event dock filter: no kind filter.
    m_kind->addItem(tr("All kinds"), QString());
    for (const QString &kind : AgentEvent::kinds())
        m_kind->addItem(EventLogModel::kindWord(kind), kind);
}

void EventDock::fillNodeChoices()
{
    const QString node = m_node->currentData().toString();
    const QString region = m_region->currentData().toString();
    {
        const QSignalBlocker nodeBlocker(m_node);
        const QSignalBlocker regionBlocker(m_region);
        m_node->clear();
        //: Event dock filter: no node filter.
        m_node->addItem(tr("All nodes"), QString());
        for (const QString &endpoint : m_fleet->endpoints())
            m_node->addItem(m_fleet->node(endpoint)->name(), endpoint);
        m_region->clear();
        //: Event dock filter: no region filter.
        m_region->addItem(tr("All regions"), QString());
        for (const QString &name : m_fleet->regions()) {
            if (!name.isEmpty())
                m_region->addItem(name, name);
        }
        m_node->setCurrentIndex(std::max(0, m_node->findData(node)));
        m_region->setCurrentIndex(std::max(0, m_region->findData(region)));
    }
    applyChoices();
}

void EventDock::applyChoices()
{
    m_proxy->setNode(m_node->currentData().toString());
    m_proxy->setRegion(m_region->currentData().toString());
    const QString kind = m_kind->currentData().toString();
    m_proxy->setKinds(kind.isEmpty() ? QSet<QString>{} : QSet<QString>{kind});
}

void EventDock::setNodeFilter(const QString &endpoint)
{
    m_node->setCurrentIndex(std::max(0, m_node->findData(endpoint)));
}

void EventDock::setRegionFilter(const QString &region)
{
    m_region->setCurrentIndex(std::max(0, m_region->findData(region)));
}

void EventDock::setKindFilter(const QString &kind)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
}

void EventDock::setTextFilter(const QString &text)
{
    m_text->setText(text);
}

void EventDock::countRows()
{
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    QString text = shown == all ? tr("%n event(s)", nullptr, all)
                                //: Event dock: rows the filters let through, of all rows.
                                : tr("%1 of %n event(s) shown", nullptr, all).arg(shown);
    if (m_log->dropped() > 0) {
        //: Event dock: %1 is the line above; %2 the per-node cap, %3 the fleet-wide one.
        text = tr("%1; %n older event(s) dropped (the console keeps %2 per node, %3 in all)",
                  nullptr, static_cast<int>(m_log->dropped()))
                   .arg(text)
                   .arg(m_log->limits().perNode)
                   .arg(m_log->limits().fleet);
    }
    m_count->setText(text);
}

} // namespace anycast
