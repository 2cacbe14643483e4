#include "agent/fleet/SharedFaultRule.h"

#include <algorithm>

namespace anycast {

SharedFaultVerdict sharedFault(const QString &service, bool localProbeFailing, PeerProbes peers,
                               int minReporting)
{
    if (!localProbeFailing)
        return {};
    const int required = std::max(minReporting, 2);
    if (peers.reporting < required) {
        return {false, QStringLiteral("not a shared fault: %1 peer(s) report a probe of %2, "
                                      "at least %3 needed")
                           .arg(peers.reporting)
                           .arg(service)
                           .arg(required)};
    }
    const QString counts = QStringLiteral("%1 of %2 peers' probes of %3 fail")
                               .arg(peers.failing)
                               .arg(peers.reporting)
                               .arg(service);
    if (peers.failing * 2 > peers.reporting)
        return {true, QStringLiteral("shared fault: %1 too").arg(counts)};
    return {false, QStringLiteral("not a shared fault: only %1").arg(counts)};
}

} // namespace anycast
