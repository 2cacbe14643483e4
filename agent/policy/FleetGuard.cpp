#include "agent/policy/FleetGuard.h"

namespace anycast {

FleetVerdict fleetGuard(const FleetView &view, int minAnnouncing)
{
    if (!view.known || view.othersAnnouncing >= minAnnouncing)
        return {true, {}};
    QString reason = QStringLiteral("fleet guard: only %1 other node(s) announce, minimum %2")
                         .arg(view.othersAnnouncing)
                         .arg(minAnnouncing);
    if (view.othersUnknown > 0)
        reason += QStringLiteral(" (%1 peer(s) not answering)").arg(view.othersUnknown);
    return {false, reason};
}

} // namespace anycast
