#include "app/views/DetailPanel.h"

#include "app/models/FleetState.h"
#include "app/views/FleetDetails.h"

#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

#include <chrono>

namespace anycast {

DetailPanel::DetailPanel(FleetState *fleet, QWidget *parent)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_text(new QPlainTextEdit(this))
{
    m_text->setObjectName(QStringLiteral("detailText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelay);
    connect(&m_refresh, &QTimer::timeout, this, &DetailPanel::refresh);
    connect(fleet, &FleetState::nodeChanged, this,
            [this](const QString &endpoint) { concerns(endpoint); });
    connect(fleet, &FleetState::nodeAdded, this, &DetailPanel::concerns);
    connect(fleet, &FleetState::nodeRemoved, this,
            [this](const QString &endpoint) { concerns(endpoint); });
    refresh();
}

void DetailPanel::setTarget(const QString &region, const QString &endpoint, const QString &service)
{
    m_hasTarget = true;
    m_region = region;
    m_endpoint = endpoint;
    m_service = service;
    m_moment.clear();
    refresh();
    m_text->verticalScrollBar()->setValue(0);
}

void DetailPanel::setMoment(const QString &moment)
{
    m_moment = moment;
    refresh();
    m_text->verticalScrollBar()->setValue(0);
}

void DetailPanel::clearTarget()
{
    m_hasTarget = false;
    m_region.clear();
    m_endpoint.clear();
    m_service.clear();
    m_moment.clear();
    refresh();
}

QString DetailPanel::text() const
{
    return m_text->toPlainText();
}

void DetailPanel::concerns(const QString &endpoint)
{
    // A region's text counts its nodes and the fleet's prefixes: any change may move it.
    const bool shown = m_endpoint.isEmpty() ? m_hasTarget : endpoint == m_endpoint;
    if (shown && !m_refresh.isActive())
        m_refresh.start();
}

void DetailPanel::refresh()
{
    m_refresh.stop();
    QString text;
    if (!m_service.isEmpty())
        text = FleetDetails::service(*m_fleet, m_endpoint, m_service);
    else if (!m_endpoint.isEmpty())
        text = FleetDetails::node(*m_fleet, m_endpoint);
    else if (m_hasTarget && m_fleet->regions().contains(m_region))
        text = FleetDetails::region(*m_fleet, m_region);
    else
        text = tr("Select a region, node or service in the fleet tree to see its details.");
    if (!m_moment.isEmpty()) {
        //: Detail panel: the node at a clicked chart moment above its live facts; the
        //: arguments are those two texts.
        text = tr("%1\n\nNow:\n%2").arg(m_moment, text);
    }
    if (text == m_text->toPlainText())
        return;
    const int scrolled = m_text->verticalScrollBar()->value();
    m_text->setPlainText(text);
    m_text->verticalScrollBar()->setValue(scrolled);
}

} // namespace anycast
