#pragma once

#include "app/widgets/LandGeometry.h"
#include "app/widgets/MapMarker.h"
#include "app/widgets/MarkerLayout.h"

#include <QPixmap>
#include <QWidget>

#include <memory>

namespace anycast {

class MarkerLabels;
struct MapColours;

// The announcement map: land in muted dark shades, one state glyph per marker (area from the
// marker's size, shape and fill from its state), its label and state word beside it. Hover
// shows the tooltip, a click or Enter on a focused marker emits markerActivated; Tab and the
// arrow keys move a focus ring between markers. Repaints only when something changed; the land
// is drawn once per size and palette.
class WorldMapView final : public QWidget
{
    Q_OBJECT

public:
    explicit WorldMapView(QWidget *parent = nullptr);
    ~WorldMapView() override;

    void setMarkers(const QList<MapMarker> &markers);
    const QList<MapMarker> &markers() const { return m_markers; }
    // The world's land from the resources unless a test or a caller gives other geometry.
    void setLand(const LandGeometry &land);
    void setMetrics(const MarkerLayout::Metrics &metrics);

    QString focusedMarkerId() const { return m_focusedId; }
    void setFocusedMarker(const QString &id);
    QString markerIdAt(const QPoint &position) const;
    // Where a marker's glyph and its label are drawn; empty for an unknown id.
    QRectF markerGlyphRect(const QString &id) const;
    QRectF markerLabelRect(const QString &id) const;

    QSize sizeHint() const final;
    QSize minimumSizeHint() const final;

signals:
    void markerActivated(const QString &id);
    void markerHovered(const QString &id); // empty when the pointer leaves every marker

protected:
    bool event(QEvent *event) final;
    void paintEvent(QPaintEvent *event) final;
    void resizeEvent(QResizeEvent *event) final;
    void changeEvent(QEvent *event) final;
    void mouseMoveEvent(QMouseEvent *event) final;
    void mousePressEvent(QMouseEvent *event) final;
    void mouseReleaseEvent(QMouseEvent *event) final;
    void leaveEvent(QEvent *event) final;
    void keyPressEvent(QKeyEvent *event) final;
    void focusInEvent(QFocusEvent *event) final;
    void focusOutEvent(QFocusEvent *event) final;
    bool focusNextPrevChild(bool next) final;

private:
    const QList<PlacedMarker> &placed() const;
    qsizetype placedIndexOf(const QString &id) const;
    QString tooltipFor(const MapMarker &marker) const;
    void paintLandLayer();
    void paintMarker(QPainter &painter, const PlacedMarker &marker,
                     const MapColours &colours) const;
    void setHovered(const QString &id);
    void invalidateLayout();
    void invalidateLand();

    QList<MapMarker> m_markers;
    const LandGeometry *m_land = nullptr;
    LandGeometry m_ownLand;
    MarkerLayout::Metrics m_metrics;
    std::unique_ptr<MarkerLabels> m_labels;
    mutable QList<PlacedMarker> m_placed;
    mutable bool m_layoutValid = false;
    QPixmap m_landLayer;
    QString m_focusedId;
    QString m_hoveredId;
    QString m_pressedId;
};

} // namespace anycast
