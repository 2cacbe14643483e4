#pragma once

#include "agent/health/HealthEngine.h"
#include "agent/policy/RouteDecision.h"

#include <ostream>
#include <vector>

namespace anycast::logictest {

inline constexpr quint16 kPort = 443;
inline constexpr quint32 kBacklog = 4096;
// Reasons as the health engine words them for that port: down (no listener) and degraded.
inline const QString kNoListener = QStringLiteral("no listener on :443");
inline const QString kQueue91 = QStringLiteral("accept queue 91% of 4096 on :443");

// The fake clock. Tests never read a real clock: every moment is an offset from this epoch,
// an hour in so that "now minus a window" never reaches before the clock's zero.
SteadyTime at(Milliseconds offset);
inline SteadyTime atSeconds(qint64 seconds)
{
    return at(std::chrono::seconds(seconds));
}
double secondsSince(SteadyTime from, SteadyTime to);

ListenerStats listener(quint32 acceptQueue = 0, std::optional<quint32> backlog = kBacklog,
                       quint16 port = kPort);
// One service on kPort: the given listeners and no connections at all.
ServiceSocketStats serviceStats(QList<ListenerStats> listeners);
// A listener that keeps up: nothing waits in its accept queue.
ServiceSocketStats quietStats();
// The accept queue holds `depth` connections out of kBacklog.
ServiceSocketStats queuedStats(quint32 depth);
// The service's process is gone: no LISTEN socket on kPort.
ServiceSocketStats noListenerStats();

HealthConfig healthConfig(int rise = 3, int fall = 2, bool listenerLossImmediate = true);

// The largest number of changes inside any half-open window [t, t + window): the flap budget's
// promise is about every such window, not only the ones that start at a change the policy saw.
int mostChangesInAnyWindow(const std::vector<SteadyTime> &changes, std::chrono::seconds window);

} // namespace anycast::logictest

namespace anycast {

// Readable GoogleTest failure messages for the enums the tests compare.
void PrintTo(ServiceHealth health, std::ostream *out);
void PrintTo(PrefixState state, std::ostream *out);

} // namespace anycast

// QString is in the global namespace, so GoogleTest finds its printer here (by ADL) and shows
// the text instead of the object's bytes.
void PrintTo(const QString &text, std::ostream *out);
