#include "app/widgets/MarkerLabels.h"

#include "app/style/MapColours.h"

#include <QPainter>

#include <cmath>

namespace anycast {

namespace {

constexpr double padding = 3;

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
    painter.setRenderHint(QPainter::Antialiasing, true);
    QColor backing = colours.labelHalo;
    backing.setAlpha(200);
    painter.setPen(Qt::NoPen);
    painter.setBrush(backing);
    painter.drawRoundedRect(block, 3, 3);

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
