#include "app/style/StateIconEngine.h"

#include "app/style/StateGlyph.h"

#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>

#include <algorithm>

namespace anycast {

namespace {

QRectF glyphBox(const QRect &rect)
{
    const int side = std::min(rect.width(), rect.height());
    return QRectF(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side,
                  side);
}

} // namespace

StateIconEngine::StateIconEngine(Observation observation, RoutingState state)
    : m_observation(observation)
    , m_state(state)
{}

QIcon StateIconEngine::icon(Observation observation, RoutingState state)
{
    return QIcon(new StateIconEngine(observation, state));
}

void StateIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    painter->save();
    if (mode == QIcon::Disabled)
        painter->setOpacity(0.45);
    StateGlyph::paint(*painter, glyphBox(rect), m_observation, m_state);
    painter->restore();
}

QPixmap StateIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap StateIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                      qreal scale)
{
    // QIcon::pixmap(size, ratio) hands engines the size in device pixels already.
    const QSize devicePixels = size;
    if (devicePixels.isEmpty())
        return {};
    const QString cacheKey = QStringLiteral("anycast-state-glyph/%1/%2/%3x%4/%5/%6")
                                 .arg(static_cast<int>(m_observation))
                                 .arg(static_cast<int>(m_state))
                                 .arg(devicePixels.width())
                                 .arg(devicePixels.height())
                                 .arg(scale)
                                 .arg(static_cast<int>(mode));
    QPixmap cached;
    if (QPixmapCache::find(cacheKey, &cached))
        return cached;

    QPixmap drawn(devicePixels);
    drawn.fill(Qt::transparent);
    {
        // Drawn in device pixels, so that a 16 px icon at 2x gets 32 crisp pixels.
        QPainter painter(&drawn);
        paint(&painter, QRect(QPoint(0, 0), devicePixels), mode, state);
    }
    drawn.setDevicePixelRatio(scale);
    QPixmapCache::insert(cacheKey, drawn);
    return drawn;
}

QIconEngine *StateIconEngine::clone() const
{
    return new StateIconEngine(m_observation, m_state);
}

QString StateIconEngine::key() const
{
    return QStringLiteral("anycast-state-glyph");
}

} // namespace anycast
