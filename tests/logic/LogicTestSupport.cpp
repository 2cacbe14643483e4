#include "tests/logic/LogicTestSupport.h"

#include <algorithm>

namespace anycast::logictest {

SteadyTime at(Milliseconds offset)
{
    return SteadyTime{} + std::chrono::hours(1) + offset;
}

double secondsSince(SteadyTime from, SteadyTime to)
{
    return std::chrono::duration<double>(to - from).count();
}

ListenerStats listener(quint32 acceptQueue, std::optional<quint32> backlog, quint16 port)
{
    return {QStringLiteral("0.0.0.0"), port, acceptQueue, backlog};
}

ServiceSocketStats serviceStats(QList<ListenerStats> listeners)
{
    ServiceSocketStats stats;
    stats.name = QStringLiteral("https");
    stats.ports = {kPort};
    stats.listeners = std::move(listeners);
    return stats;
}

ServiceSocketStats quietStats()
{
    return serviceStats({listener()});
}

ServiceSocketStats queuedStats(quint32 depth)
{
    return serviceStats({listener(depth)});
}

ServiceSocketStats noListenerStats()
{
    return serviceStats({});
}

HealthConfig healthConfig(int rise, int fall, bool listenerLossImmediate)
{
    HealthConfig config;
    config.ports = {kPort};
    config.rise = rise;
    config.fall = fall;
    config.listenerLossImmediate = listenerLossImmediate;
    return config;
}

int mostChangesInAnyWindow(const std::vector<SteadyTime> &changes, std::chrono::seconds window)
{
    // A window holding the most changes can always be slid right until it starts at one.
    int most = 0;
    for (auto first = changes.begin(); first != changes.end(); ++first) {
        const auto end = std::lower_bound(first, changes.end(), *first + window);
        most = std::max(most, static_cast<int>(end - first));
    }
    return most;
}

} // namespace anycast::logictest

namespace anycast {

void PrintTo(ServiceHealth health, std::ostream *out)
{
    *out << healthName(health).toStdString();
}

void PrintTo(PrefixState state, std::ostream *out)
{
    *out << prefixStateName(state).toStdString();
}

} // namespace anycast

void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}
