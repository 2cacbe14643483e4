#pragma once

#include "app/models/NodeFacts.h"
#include "app/models/RegionRollup.h"
#include "app/session/LinkStatus.h"
#include "common/HealthStates.h"
#include "common/protocol/ServiceStatus.h"

#include <QCoreApplication>
#include <QString>

namespace anycast {

// The words the console prints for every state, so that the tree, the map, the legend and
// the tooltips never disagree; the words of the glyphs' shapes and fills come from
// StateNames, which the drawing code prints too. Translated; no sentence is built by pasting
// words together.
class StateWords
{
    Q_DECLARE_TR_FUNCTIONS(StateWords)

public:
    static QString health(const HealthLabel &health);
    static QString operatorState(OperatorState state);
    static QString presence(PrefixPresence presence);
    static QString level(RollupLevel level);
    static QString linkPhase(LinkPhase phase);
    // "reconnecting in 4 s", "unreachable: connection refused (retrying in 8 s)".
    static QString link(const LinkStatus &link, LinkStatus::Clock::time_point now);
    static QString finding(const RollupFinding &finding);
    // "3 of 4 announcing", with "(1 unknown)" when some holders cannot be asked.
    static QString tally(const PrefixTally &tally);
    // "4 s", "3 min", "2 h".
    static QString age(double seconds);
};

} // namespace anycast
