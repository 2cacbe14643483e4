#pragma once

#include "app/style/Observation.h"
#include "app/words/RoutingState.h"

#include <QString>

namespace anycast {

// The words printed beside every glyph, for what is observed (the shape) and what routing
// does (the fill): one table for the models, the tree, the map and the legend. QtCore only,
// so that both the models and the drawing code link it. Translated in the context the
// drawing code has always used, so that one translation serves every view.
class StateNames final
{
public:
    static QString of(Observation observation);
    static QString of(RoutingState state);
};

} // namespace anycast
