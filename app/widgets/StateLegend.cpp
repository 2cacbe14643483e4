#include "app/widgets/StateLegend.h"

#include "app/style/StateGlyph.h"
#include "app/style/StateIconEngine.h"

#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace anycast {

namespace {

constexpr int iconSide = 20;

QPixmap shapePixmap(Observation observation, const QColor &stroke, qreal ratio)
{
    QPixmap pixmap(QSize(iconSide, iconSide) * ratio);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        StateGlyph::paintShape(painter, QRectF(QPointF(0, 0), QSizeF(pixmap.size())), observation,
                               stroke);
    }
    pixmap.setDevicePixelRatio(ratio);
    return pixmap;
}

} // namespace

StateLegend::StateLegend(Qt::Orientation orientation, QWidget *parent)
    : QWidget(parent)
    , m_orientation(orientation)
{
    rebuild();
}

QList<LegendEntry> StateLegend::entries()
{
    QList<LegendEntry> all;
    for (const Observation observation : StateStyle::observations()) {
        all.append({LegendEntry::Kind::Shape, observation, RoutingState::Announced,
                    StateStyle::word(observation)});
    }
    for (const RoutingState state : StateStyle::routingStates()) {
        all.append(
            {LegendEntry::Kind::Fill, Observation::Reporting, state, StateStyle::word(state)});
    }
    return all;
}

void StateLegend::rebuild()
{
    delete m_grid;
    qDeleteAll(findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(6);
    // Tight rows: the legend sits beside the map and must not make the window taller.
    m_grid->setVerticalSpacing(2);

    setAccessibleName(tr("Legend"));
    const qreal ratio = devicePixelRatioF();
    const QColor stroke = palette().color(QPalette::WindowText);
    const QList<LegendEntry> all = entries();
    const bool vertical = m_orientation == Qt::Vertical;
    // Vertical: a heading row, then one row per entry. Horizontal: one row per kind, the
    // heading in its first cell, then glyph and word pairs.
    int row = 0;
    int columns[2] = {0, 0};
    const auto addHeading = [&](const QString &text, int kindRow) {
        auto *heading = new QLabel(text, this);
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        if (vertical)
            m_grid->addWidget(heading, row++, 0, 1, 2);
        else
            m_grid->addWidget(heading, kindRow, 0);
    };
    for (qsizetype i = 0; i < all.size(); ++i) {
        const LegendEntry &entry = all.at(i);
        const bool isShape = entry.kind == LegendEntry::Kind::Shape;
        const int kindRow = isShape ? 0 : 1;
        if (columns[kindRow] == 0) {
            addHeading(isShape ? tr("Shape: what is observed") : tr("Fill: routing state"),
                       kindRow);
        }
        auto *icon = new QLabel(this);
        icon->setPixmap(isShape ? shapePixmap(entry.observation, stroke, ratio)
                                : StateIconEngine::icon(entry.observation, entry.state)
                                      .pixmap(QSize(iconSide, iconSide), ratio));
        icon->setObjectName(QStringLiteral("legendGlyph%1").arg(i));
        auto *word = new QLabel(entry.word, this);
        word->setObjectName(QStringLiteral("legendWord%1").arg(i));
        if (vertical) {
            m_grid->addWidget(icon, row, 0);
            m_grid->addWidget(word, row++, 1);
        } else {
            m_grid->addWidget(icon, kindRow, 1 + 2 * columns[kindRow]);
            m_grid->addWidget(word, kindRow, 2 + 2 * columns[kindRow]);
        }
        ++columns[kindRow];
    }
    if (vertical)
        m_grid->setRowStretch(row, 1);
    else
        m_grid->setColumnStretch(1 + 2 * std::max(columns[0], columns[1]), 1);
}

void StateLegend::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::LanguageChange:
        rebuild();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

} // namespace anycast
