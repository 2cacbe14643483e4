#include "app/widgets/MarkerLabels.h"

#include "app/style/MapColours.h"

#include <QPainter>

#include <cmath>

namespace anycast {

namespace {

constexpr double padding = 3;
constexpr double pillRadius = 3;
// Pill sizes follow label widths; far more than a fleet's distinct widths means a runaway.
constexpr qsizetype maxPills = 1024;

} // namespace

void MarkerLabels::setFont(const QFont &base)
{
    if (base == m_plain && m_bold.bold())
        return;
    m_plain = base;
    m_bold = base;
    m_bold.setBold(true);
    m_labels.clear();
    m_words.clear();
}

QStaticText &MarkerLabels::prepared(QHash<QString, QStaticText> &cache, const QString &text,
                                    const QFont &font)
{
    auto found = cache.find(text);
    if (found == cache.end()) {
        QStaticText laidOut(text);
        laidOut.setTextFormat(Qt::PlainText);
        laidOut.setPerformanceHint(QStaticText::AggressiveCaching);
        laidOut.prepare(QTransform(), font);
        found = cache.insert(text, laidOut);
    }
    return *found;
}

QSizeF MarkerLabels::blockSize(const MapMarker &marker)
{
    QSizeF text = prepared(m_words, StateStyle::word(marker.state), m_plain).size();
    if (!marker.label.isEmpty()) {
        const QSizeF label = prepared(m_labels, marker.label, m_bold).size();
        text = QSizeF(std::max(text.width(), label.width()), text.height() + label.height());
    }
    return {std::ceil(text.width() + 2 * padding), std::ceil(text.height() + 2 * padding)};
}

void MarkerLabels::paint(QPainter &painter, const QRectF &block, const MapMarker &marker,
                         const MapColours &colours)
{
    painter.save();
    QColor backing = colours.labelHalo;
    backing.setAlpha(200);
    // An antialiased translucent rounded rectangle is a path fill: 300 of them took 13 of a
    // repaint's 20 ms (tests/bench/map). Blending a pixmap drawn once per size is cheap.
    painter.drawPixmap(block.topLeft(),
                       pill(block.size().toSize(), backing, painter.device()->devicePixelRatioF()));

    double top = block.top() + padding;
    const auto drawCentred = [&](const QStaticText &text, const QFont &font, const QColor &ink) {
        painter.setFont(font);
        painter.setPen(ink);
        painter.drawStaticText(QPointF(block.center().x() - text.size().width() / 2, top), text);
        top += text.size().height();
    };
    if (!marker.label.isEmpty())
        drawCentred(prepared(m_labels, marker.label, m_bold), m_bold, colours.label);
    drawCentred(prepared(m_words, StateStyle::word(marker.state), m_plain), m_plain,
                colours.secondaryLabel);
    painter.restore();
}

const QPixmap &MarkerLabels::pill(QSize size, const QColor &colour, qreal pixelRatio)
{
    if (colour != m_pillColour || pixelRatio != m_pillRatio || m_pills.size() >= maxPills) {
        m_pills.clear();
        m_pillColour = colour;
        m_pillRatio = pixelRatio;
    }
    const quint64 key = quint64(quint32(size.width())) << 32 | quint32(size.height());
    auto found = m_pills.find(key);
    if (found == m_pills.end()) {
        QPixmap drawn((QSizeF(size) * pixelRatio).toSize());
        drawn.setDevicePixelRatio(pixelRatio);
        drawn.fill(Qt::transparent);
        QPainter painter(&drawn);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawRoundedRect(QRectF(QPointF(0, 0), QSizeF(size)), pillRadius, pillRadius);
        found = m_pills.insert(key, drawn);
    }
    return *found;
}

void MarkerLabels::keepOnly(const QList<MapMarker> &markers)
{
    QSet<QString> labels;
    QSet<QString> words;
    for (const MapMarker &marker : markers) {
        labels.insert(marker.label);
        words.insert(StateStyle::word(marker.state));
    }
    m_labels.removeIf([&labels](const auto &entry) { return !labels.contains(entry.key()); });
    m_words.removeIf([&words](const auto &entry) { return !words.contains(entry.key()); });
}

} // namespace anycast
