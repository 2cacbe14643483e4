#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace anycast {

// What the console observes of a node, service or region: drawn as the glyph's shape.
enum class Observation
{
    Reporting, // its checks answer
    Failing,   // its checks answer that something is down
    NoData,    // nothing answers: no monitor, no connection
};

// What routing does with a prefix there: drawn as the glyph's fill.
enum class RoutingState
{
    Announced,
    DePreferred,    // announced, made less attractive because health degraded
    RedundancyLost, // a region announces from fewer of its nodes than it has
    Draining,       // an operator's drain in progress: still announced, connections bleeding
    Drained,        // an operator's drain in force: withdrawn on purpose
    Withdrawn,      // withdrawn because the service failed
    Unreachable,    // unknown: the console cannot reach the agent
};

enum class GlyphShape
{
    Circle,
    Diamond,
    Square
};

// A second cue inside the glyph, for states that share a fill or have no colour of their own.
enum class GlyphMark
{
    None,
    Hatch,
    Pause,
    Exclamation
};

// The one place that says how state is drawn: shape from observation, fill from routing state
// (Okabe-Ito, safe for the common colour-vision deficiencies), and the words printed beside.
class StateStyle final
{
    Q_DECLARE_TR_FUNCTIONS(anycast::StateStyle)

public:
    static QList<Observation> observations();
    static QList<RoutingState> routingStates();

    static GlyphShape shape(Observation observation);
    static QColor fill(RoutingState state);
    static GlyphMark mark(RoutingState state);

    // Dark enough for 3:1 against a light window; the fills carry the contrast on a dark one.
    static QColor outline();
    // Hatch lines, pause bars and the exclamation mark drawn over a fill.
    static QColor markColour();

    static QString word(Observation observation);
    static QString word(RoutingState state);
};

} // namespace anycast
