#pragma once

#include "app/style/Observation.h"
#include "app/words/RoutingState.h"
#include "app/words/StateNames.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace anycast {

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

    // The words come from StateNames, the one table the models print too.
    static QString word(Observation observation) { return StateNames::of(observation); }
    static QString word(RoutingState state) { return StateNames::of(state); }
};

} // namespace anycast
