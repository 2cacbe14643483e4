// Item-view icons of the state glyphs: drawn at the size and pixel density asked, cached.
#include "app/style/StateIconEngine.h"
#include "tests/console-drawing/ImageProbe.h"
#include "tests/console-drawing/QtPrinters.h"

#include <QStandardItemModel>
#include <QTreeView>

#include <gtest/gtest.h>

namespace anycast {
namespace {

TEST(StateIconEngine, DrawsAtTheRequestedSizeAndDensity)
{
    const QIcon icon = StateIconEngine::icon(Observation::Failing, RoutingState::Withdrawn);
    const QPixmap single = icon.pixmap(QSize(16, 16), 1.0);
    EXPECT_EQ(single.size(), QSize(16, 16));
    const QPixmap dense = icon.pixmap(QSize(16, 16), 2.0);
    EXPECT_EQ(dense.size(), QSize(32, 32));
    EXPECT_DOUBLE_EQ(dense.devicePixelRatio(), 2.0);
    // Drawn at 32 device pixels, not a 16 px glyph scaled up.
    EXPECT_EQ(dense.toImage().convertToFormat(QImage::Format_ARGB32),
              test::renderGlyph(32, Observation::Failing, RoutingState::Withdrawn));
}

TEST(StateIconEngine, KeepsEachPixmapOnce)
{
    const QIcon icon = StateIconEngine::icon(Observation::Reporting, RoutingState::Draining);
    const QIcon again = StateIconEngine::icon(Observation::Reporting, RoutingState::Draining);
    EXPECT_EQ(icon.pixmap(QSize(24, 24), 1.0).cacheKey(),
              again.pixmap(QSize(24, 24), 1.0).cacheKey());
    EXPECT_NE(icon.pixmap(QSize(24, 24), 1.0).cacheKey(),
              icon.pixmap(QSize(24, 24), 2.0).cacheKey());
    EXPECT_NE(icon.pixmap(QSize(24, 24), 1.0).cacheKey(),
              StateIconEngine::icon(Observation::Reporting, RoutingState::Drained)
                  .pixmap(QSize(24, 24), 1.0)
                  .cacheKey());
}

TEST(StateIconEngine, DisabledIconsAreFainter)
{
    const QIcon icon = StateIconEngine::icon(Observation::Reporting, RoutingState::Announced);
    const QImage normal = icon.pixmap(QSize(16, 16), 1.0, QIcon::Normal).toImage();
    const QImage disabled = icon.pixmap(QSize(16, 16), 1.0, QIcon::Disabled).toImage();
    EXPECT_LT(qAlpha(disabled.pixel(8, 8)), qAlpha(normal.pixel(8, 8)));
}

TEST(StateIconEngine, ATreeViewPaintsTheGlyph)
{
    QStandardItemModel model;
    auto *item = new QStandardItem(QStringLiteral("fra-1"));
    item->setIcon(StateIconEngine::icon(Observation::Reporting, RoutingState::Withdrawn));
    model.appendRow(item);
    QTreeView view;
    view.setModel(&model);
    view.setIconSize(QSize(16, 16));
    view.resize(200, 80);
    view.show();
    const test::ImageProbe probe(view.viewport()->grab().toImage());
    EXPECT_GT(probe.count(probe.image().rect(), StateStyle::fill(RoutingState::Withdrawn), 8), 40);
}

} // namespace
} // namespace anycast
