#pragma once

#include <QString>

namespace anycast {

// Other nodes' view of one prefix, as the fleet poller sees it (FleetPoller fills it from the
// peers' GET /status).
struct FleetView
{
    bool known = false;       // no peers configured: there is no fleet to protect
    int othersAnnouncing = 0; // peers that announce the prefix now
    int othersUnknown = 0;    // peers that did not answer
};

struct FleetVerdict
{
    bool allowWithdraw = true;
    QString reason; // set when the withdrawal is held back
};

// Never withdraw if fewer than `minAnnouncing` nodes would still announce the prefix.
// Peers that did not answer count as not announcing: when the view is partial, the guard
// errs towards keeping this node's route. With no fleet view at all there is nothing to
// protect against and the guard allows.
FleetVerdict fleetGuard(const FleetView &view, int minAnnouncing);

} // namespace anycast
