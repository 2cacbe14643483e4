// anycast-bench-map: what a repaint of the announcement map costs when only markers changed
// (the land comes from its cached pixmap) against one that redraws the land too (a new size),
// with N markers spread over the world. Prints medians, the ratio and whether a repaint fits in
// one frame; exits 1 on a missed target only with --require-targets.
#include "app/widgets/WorldMapView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

using namespace anycast;

QList<MapMarker> spreadMarkers(int count, int round)
{
    QList<MapMarker> markers;
    const QList<RoutingState> states = StateStyle::routingStates();
    const QList<Observation> observations = StateStyle::observations();
    for (int i = 0; i < count; ++i) {
        MapMarker marker;
        marker.id = QStringLiteral("r%1").arg(i);
        marker.label = QStringLiteral("r%1: %2 of 4 announcing").arg(i).arg((i + round) % 5);
        // A deterministic spread over the inhabited latitudes.
        marker.latitude = -45 + (i * 37 % 110);
        marker.longitude = -170 + (i * 73 % 340);
        marker.size = (i * 131 + round * 17) % 5000;
        marker.state = states.at((i + round) % states.size());
        marker.observation = observations.at(i % observations.size());
        markers.append(marker);
    }
    return markers;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Repaint cost of the announcement map."));
    parser.addHelpOption();
    const QCommandLineOption markersOption(QStringLiteral("markers"),
                                           QStringLiteral("Markers on the map (default 300)."),
                                           QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Rounds per line (default 31)."),
                                          QStringLiteral("N"), QStringLiteral("31"));
    const QCommandLineOption requireOption(QStringLiteral("require-targets"),
                                           QStringLiteral("Exit 1 when a target is missed."));
    parser.addOptions({markersOption, repeatOption, requireOption});
    parser.process(app);
    bool markersOk = false;
    bool repeatOk = false;
    const int markerCount = parser.value(markersOption).toInt(&markersOk);
    const int repeat = parser.value(repeatOption).toInt(&repeatOk);
    if (!markersOk || !repeatOk || markerCount < 1 || repeat < 1) {
        std::fprintf(stderr, "anycast-bench-map: --markers and --repeat take positive numbers\n");
        return 64;
    }

    if (LandGeometry::world().isEmpty()) {
        std::fprintf(stderr, "anycast-bench-map: no land geometry in the resources\n");
        return 1;
    }
    const QSize sizes[] = {QSize(1200, 640), QSize(1201, 640)};
    WorldMapView map;
    map.resize(sizes[0]);
    QImage target(sizes[1], QImage::Format_ARGB32_Premultiplied);
    map.setMarkers(spreadMarkers(markerCount, 0));
    map.render(&target);

    // Interleaved, so that drift in the machine's load falls on both lines alike.
    std::vector<double> markersOnly;
    std::vector<double> withLand;
    QElapsedTimer timer;
    for (int round = 1; round <= repeat; ++round) {
        const QList<MapMarker> next = spreadMarkers(markerCount, round);
        timer.start();
        map.setMarkers(next);
        map.render(&target);
        markersOnly.push_back(timer.nsecsElapsed() / 1e6);

        timer.start();
        map.resize(sizes[round % 2]);
        map.setMarkers(spreadMarkers(markerCount, round + repeat));
        map.render(&target);
        withLand.push_back(timer.nsecsElapsed() / 1e6);
    }

    const double changed = median(markersOnly);
    const double redrawn = median(withLand);
    const double ratio = changed / redrawn;
    const bool frameMet = changed < 16.0;
    std::printf("markers: %d, rounds: %d\n", markerCount, repeat);
    std::printf("repaint, markers changed (land cached)  median %8.2f ms\n", changed);
    std::printf("repaint, new size (land redrawn)        median %8.2f ms\n", redrawn);
    std::printf("target: markers-changed repaint < 16 ms (one frame at 60 Hz): %s\n",
                frameMet ? "MET" : "MISSED");
    std::printf("markers-changed / land redrawn: %.3fx (what the cached land saves)\n", ratio);
    if (parser.isSet(requireOption) && !frameMet)
        return 1;
    return 0;
}
