// anycast-drawing-demo: renders the state vocabulary into PNGs for review and for the docs:
// the map with one region per state and the legend, under the light and the dark palette, and
// a sheet of every glyph at tree (16 px) and map (48 px) size.
//
//   anycast-drawing-demo --out docs/images
#include "app/style/StateGlyph.h"
#include "app/widgets/StateLegend.h"
#include "app/widgets/WorldMapView.h"
#include "tests/console-drawing/DemoMarkers.h"
#include "tests/console-drawing/TestPalettes.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QPainter>
#include <QVBoxLayout>

#include <cstdio>

namespace {

using namespace anycast;

bool save(QWidget &widget, const QString &path)
{
    if (!widget.grab().save(path, "PNG")) {
        std::fprintf(stderr, "anycast-drawing-demo: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

bool saveMap(const QPalette &palette, const QString &path)
{
    QApplication::setPalette(palette);
    QWidget page;
    page.setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(&page);
    auto *map = new WorldMapView(&page);
    map->setMarkers(test::demoMarkers());
    map->setMinimumSize(960, 500);
    layout->addWidget(map, 1);
    layout->addWidget(new StateLegend(Qt::Horizontal, &page));
    page.resize(page.sizeHint());
    page.show();
    QApplication::processEvents();
    return save(page, path);
}

bool saveGlyphSheet(const QString &path)
{
    QApplication::setPalette(test::lightPalette());
    const QList<RoutingState> states = StateStyle::routingStates();
    const QList<Observation> observations = StateStyle::observations();
    const int column = 120;
    const int row = 64;
    QImage sheet(QSize(140 + column * int(states.size()), 30 + row * int(observations.size())),
                 QImage::Format_ARGB32);
    sheet.fill(Qt::white);
    QPainter painter(&sheet);
    painter.setPen(Qt::black);
    for (qsizetype s = 0; s < states.size(); ++s) {
        painter.drawText(QRect(140 + column * int(s), 4, column, 22), Qt::AlignCenter,
                         StateStyle::word(states.at(s)));
    }
    for (qsizetype o = 0; o < observations.size(); ++o) {
        const int top = 30 + row * int(o);
        painter.setPen(Qt::black);
        painter.drawText(QRect(8, top, 130, 48), Qt::AlignVCenter,
                         StateStyle::word(observations.at(o)));
        for (qsizetype s = 0; s < states.size(); ++s) {
            const int left = 140 + column * int(s);
            StateGlyph::paint(painter, QRectF(left + 14, top + 16, 16, 16), observations.at(o),
                              states.at(s));
            StateGlyph::paint(painter, QRectF(left + 50, top, 48, 48), observations.at(o),
                              states.at(s));
        }
    }
    painter.end();
    if (!sheet.save(path, "PNG")) {
        std::fprintf(stderr, "anycast-drawing-demo: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Renders the console's state drawing (map, legend, glyphs) to PNGs."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("Folder the PNGs are written to."),
                                       QStringLiteral("DIR"));
    parser.addOption(outOption);
    parser.process(app);
    if (!parser.isSet(outOption)) {
        std::fprintf(stderr, "anycast-drawing-demo: --out DIR is required\n");
        return 64;
    }
    const QDir out(parser.value(outOption));
    if (!out.exists() && !QDir().mkpath(out.path())) {
        std::fprintf(stderr, "anycast-drawing-demo: cannot create %s\n", qPrintable(out.path()));
        return 1;
    }
    const bool ok =
        saveMap(test::lightPalette(), out.filePath(QStringLiteral("state-map-light.png"))) &&
        saveMap(test::darkPalette(), out.filePath(QStringLiteral("state-map-dark.png"))) &&
        saveGlyphSheet(out.filePath(QStringLiteral("state-glyphs.png")));
    return ok ? 0 : 1;
}
