#pragma once

#include "app/style/StateStyle.h"

#include <QIconEngine>

namespace anycast {

// Icons of the state glyphs for item views: drawn at whatever size and device pixel ratio a
// view asks for, each pixmap kept in QPixmapCache so that a tree of hundreds of rows paints
// each distinct glyph once.
class StateIconEngine final : public QIconEngine
{
public:
    StateIconEngine(Observation observation, RoutingState state);

    static QIcon icon(Observation observation, RoutingState state);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) final;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) final;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) final;
    QIconEngine *clone() const final;
    QString key() const final;

private:
    Observation m_observation;
    RoutingState m_state;
};

} // namespace anycast
