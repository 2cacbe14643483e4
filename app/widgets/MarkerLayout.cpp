#include "app/widgets/MarkerLayout.h"

#include "app/widgets/MapProjection.h"

#include <algorithm>
#include <cmath>

namespace anycast {

namespace {

QRectF snappedBox(const QPointF &centre, int diameter)
{
    const QPointF topLeft(std::round(centre.x() - diameter / 2.0),
                          std::round(centre.y() - diameter / 2.0));
    return QRectF(topLeft, QSizeF(diameter, diameter));
}

QList<QRectF> labelCandidates(const QRectF &glyph, const QSizeF &label, double gap)
{
    const QPointF centre = glyph.center();
    QList<QRectF> candidates{
        QRectF(QPointF(centre.x() - label.width() / 2, glyph.bottom() + gap), label),
        QRectF(QPointF(glyph.right() + gap, centre.y() - label.height() / 2), label),
        QRectF(QPointF(glyph.left() - gap - label.width(), centre.y() - label.height() / 2), label),
        QRectF(QPointF(centre.x() - label.width() / 2, glyph.top() - gap - label.height()), label),
    };
    for (int step = 1; step <= 3; ++step)
        candidates.append(candidates.first().translated(0, step * label.height()));
    return candidates;
}

} // namespace

bool MarkerLayout::hasLocation(const MapMarker &marker)
{
    return std::isfinite(marker.latitude) && std::isfinite(marker.longitude) &&
           std::abs(marker.latitude) <= 90 && std::abs(marker.longitude) <= 180;
}

int MarkerLayout::diameterFor(double size, double largest, const Metrics &metrics)
{
    if (!(size > 0) || !(largest > 0) || !std::isfinite(size) || !std::isfinite(largest))
        return metrics.minimumDiameter;
    const double fraction = std::sqrt(std::min(size, largest) / largest);
    return static_cast<int>(std::lround(
        metrics.minimumDiameter + (metrics.maximumDiameter - metrics.minimumDiameter) * fraction));
}

QList<PlacedMarker> MarkerLayout::place(const QList<MapMarker> &markers,
                                        const QList<QSizeF> &labelSizes,
                                        const MapProjection &projection, const QRectF &viewport,
                                        const Metrics &metrics)
{
    double largest = 0;
    for (const MapMarker &marker : markers) {
        if (std::isfinite(marker.size))
            largest = std::max(largest, marker.size);
    }

    QList<PlacedMarker> placed;
    placed.reserve(markers.size());
    for (qsizetype i = 0; i < markers.size(); ++i) {
        const MapMarker &marker = markers.at(i);
        if (!hasLocation(marker))
            continue;
        const int diameter = diameterFor(marker.size, largest, metrics);
        placed.append(
            {i, snappedBox(projection.toViewport(marker.latitude, marker.longitude), diameter),
             QRectF()});
    }
    // Largest first; equal sizes keep the caller's order so that a redraw never reshuffles.
    std::stable_sort(placed.begin(), placed.end(),
                     [](const PlacedMarker &a, const PlacedMarker &b) {
                         return a.glyphBox.width() > b.glyphBox.width();
                     });

    // Every glyph is an obstacle from the start; each label becomes one once it is placed.
    QList<QRectF> taken;
    for (const PlacedMarker &marker : placed)
        taken.append(marker.glyphBox);
    for (qsizetype i = 0; i < placed.size(); ++i) {
        PlacedMarker &marker = placed[i];
        const auto isFree = [&](const QRectF &candidate) {
            if (!viewport.contains(candidate))
                return false;
            for (qsizetype j = 0; j < taken.size(); ++j) {
                if (j != i && taken.at(j).intersects(candidate))
                    return false;
            }
            return true;
        };
        const QList<QRectF> candidates =
            labelCandidates(marker.glyphBox, labelSizes.value(marker.index), metrics.labelGap);
        const auto freePlace = std::find_if(candidates.cbegin(), candidates.cend(), isFree);
        marker.labelRect = freePlace != candidates.cend() ? *freePlace : candidates.first();
        taken.append(marker.labelRect);
    }
    return placed;
}

qsizetype MarkerLayout::hitTest(const QList<PlacedMarker> &placed, const QPointF &point)
{
    for (qsizetype i = placed.size() - 1; i >= 0; --i) {
        const QRectF box = placed.at(i).glyphBox;
        const double radius = box.width() / 2 + 2;
        const QPointF offset = point - box.center();
        if (offset.x() * offset.x() + offset.y() * offset.y() <= radius * radius)
            return i;
    }
    return -1;
}

} // namespace anycast
