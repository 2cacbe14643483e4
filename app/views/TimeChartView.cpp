#include "app/views/TimeChartView.h"

#include <QAbstractSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>

namespace anycast {
namespace {

constexpr qreal kNoDataZ = 90;
constexpr int kMarginLeft = 4;
constexpr int kMarginRight = 4;

} // namespace

TimeChartView::TimeChartView(const QString &title, const QString &unitTitle, bool labelledMarkers,
                             QWidget *parent)
    : QChartView(new QChart, parent)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
    , m_noDataItem(new QGraphicsSimpleTextItem(chart()))
    , m_markers(std::make_unique<ChartMarkerLayer>(chart(), labelledMarkers))
{
    QChart *c = chart();
    c->setTitle(title);
    c->setMargins(QMargins(kMarginLeft, 2, kMarginRight, 2));
    c->layout()->setContentsMargins(0, 0, 0, 0);
    c->setBackgroundRoundness(0);
    c->setAnimationOptions(QChart::NoAnimation);
    c->setTheme(palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                    : QChart::ChartThemeLight);
    // Six ticks split every window into round steps: 1, 3 or 12 minutes.
    m_timeAxis->setTickCount(6);
    m_valueAxis->setTitleText(unitTitle);
    // Six ticks on a 1, 2 or 5 times 10^n maximum (roundAxisMaximum) fall on round values.
    m_valueAxis->setTickCount(6);
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_valueAxis->setMin(0);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    m_noDataItem->setZValue(kNoDataZ);
    m_noDataItem->setVisible(false);
    QFont font = m_noDataItem->font();
    font.setBold(true);
    m_noDataItem->setFont(font);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    connect(c, &QChart::plotAreaChanged, this, [this] {
        m_markers->relayout();
        placeNoData();
        fitValueTicks();
    });
}

TimeChartView::~TimeChartView() = default;

QRectF TimeChartView::naturalPlotArea()
{
    setSideMargins(kMarginLeft, kMarginRight);
    return chart()->plotArea();
}

void TimeChartView::alignPlot(qreal left, qreal right)
{
    const QRectF natural = naturalPlotArea();
    setSideMargins(kMarginLeft + qRound(std::max<qreal>(0, left - natural.left())),
                   kMarginRight + qRound(std::max<qreal>(0, natural.right() - right)));
}

void TimeChartView::setSideMargins(int left, int right)
{
    QMargins margins = chart()->margins();
    if (margins.left() == left && margins.right() == right)
        return;
    margins.setLeft(left);
    margins.setRight(right);
    chart()->setMargins(margins);
    // The plot area is laid out later otherwise; the caller reads it now.
    chart()->layout()->activate();
}

void TimeChartView::addSeries(QAbstractSeries *series)
{
    chart()->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_valueAxis);
}

void TimeChartView::setTimeRange(qint64 fromMs, qint64 toMs, const QString &format)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_timeAxis->setFormat(format);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                         QDateTime::fromMSecsSinceEpoch(toMs));
    m_markers->setRange(fromMs, toMs);
}

void TimeChartView::setValueMaximum(double maximum)
{
    m_valueAxis->setRange(0, maximum);
}

void TimeChartView::setValueTicks(int most)
{
    m_mostValueTicks = most;
    fitValueTicks();
}

void TimeChartView::fitValueTicks()
{
    // A label needs its line height and a little air; 6 ticks split the maximum into fifths,
    // 3 into halves, 2 show only 0 and the maximum: all round values.
    const qreal needed = QFontMetricsF(m_valueAxis->labelsFont()).height() * 1.3;
    const qreal height = chart()->plotArea().height();
    int ticks = m_mostValueTicks;
    while (ticks > 2 && height < needed * (ticks - 1))
        ticks = ticks > 3 ? 3 : 2;
    if (m_valueAxis->tickCount() != ticks)
        m_valueAxis->setTickCount(ticks);
}

void TimeChartView::setNoData(const QString &why)
{
    if (why == m_noDataText)
        return;
    m_noDataText = why;
    m_noDataItem->setText(why);
    m_noDataItem->setVisible(!why.isEmpty());
    placeNoData();
}

void TimeChartView::placeNoData()
{
    m_noDataItem->setBrush(chart()->titleBrush());
    const QRectF plot = chart()->plotArea();
    const QRectF text = m_noDataItem->boundingRect();
    m_noDataItem->setPos(plot.center().x() - text.width() / 2,
                         plot.center().y() - text.height() / 2);
}

qint64 TimeChartView::timeAt(const QPoint &viewPoint) const
{
    const QPointF inChart = chart()->mapFromScene(mapToScene(viewPoint));
    const QRectF plot = chart()->plotArea();
    if (!plot.contains(inChart) || m_toMs <= m_fromMs || plot.width() <= 0)
        return -1;
    return m_fromMs + static_cast<qint64>((inChart.x() - plot.left()) / plot.width() *
                                          qreal(m_toMs - m_fromMs));
}

QPoint TimeChartView::pointAt(qint64 ms) const
{
    const QRectF plot = chart()->plotArea();
    const qreal span = qreal(std::max<qint64>(1, m_toMs - m_fromMs));
    const QPointF inChart(plot.left() + plot.width() * qreal(ms - m_fromMs) / span,
                          plot.center().y());
    return mapFromScene(chart()->mapToScene(inChart));
}

void TimeChartView::mousePressEvent(QMouseEvent *event)
{
    const qint64 ms = timeAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && ms >= 0) {
        emit timeClicked(ms);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void TimeChartView::mouseMoveEvent(QMouseEvent *event)
{
    const qint64 ms = timeAt(event->position().toPoint());
    if (ms >= 0 && m_hoverText)
        QToolTip::showText(event->globalPosition().toPoint(), m_hoverText(ms), this);
    else
        QToolTip::hideText();
    QChartView::mouseMoveEvent(event);
}

} // namespace anycast
