// The demo tool that renders docs/images/state-*.png keeps working.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

TEST(DrawingDemo, WritesTheMapsAndTheGlyphSheet)
{
    QTemporaryDir out;
    ASSERT_TRUE(out.isValid());
    QProcess demo;
    demo.setProcessChannelMode(QProcess::MergedChannels);
    demo.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-drawing-demo"),
               {QStringLiteral("--out"), out.path()});
    ASSERT_TRUE(demo.waitForFinished(120000));
    ASSERT_EQ(demo.exitCode(), 0) << demo.readAll().constData();
    for (const char *name : {"state-map-light.png", "state-map-dark.png", "state-glyphs.png"}) {
        const QImage image(out.filePath(QString::fromLatin1(name)));
        EXPECT_FALSE(image.isNull()) << name;
        EXPECT_GT(image.width(), 600) << name;
    }
    const QImage light(out.filePath(QStringLiteral("state-map-light.png")));
    const QImage dark(out.filePath(QStringLiteral("state-map-dark.png")));
    EXPECT_NE(light, dark);
}

TEST(DrawingDemo, RefusesToRunWithoutAnOutputFolder)
{
    QProcess demo;
    demo.setProcessChannelMode(QProcess::MergedChannels);
    demo.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-drawing-demo"), {});
    ASSERT_TRUE(demo.waitForFinished(60000));
    EXPECT_EQ(demo.exitCode(), 64);
    EXPECT_TRUE(demo.readAll().contains("--out DIR is required"));
}

} // namespace
