#include "agent/metrics/MetricsFamilies.h"

namespace anycast {

GaugeFamily &gaugeFamily(prometheus::Registry &registry, const std::string &name,
                         const std::string &help)
{
    return prometheus::BuildGauge().Name(name).Help(help).Register(registry);
}

CounterFamily &counterFamily(prometheus::Registry &registry, const std::string &name,
                             const std::string &help)
{
    return prometheus::BuildCounter().Name(name).Help(help).Register(registry);
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

void addStateSeries(GaugeFamily &family, prometheus::Labels labels, const QStringList &states,
                    const QString &current)
{
    QStringList all = states;
    if (!all.contains(current))
        all.append(current);
    for (const QString &state : all) {
        labels["state"] = utf8(state);
        family.Add(labels).Set(state == current ? 1 : 0);
    }
}

void setCounter(CounterFamily &family, const prometheus::Labels &labels, double total)
{
    // The registry is fresh on every render, so the series starts at zero and an increment
    // by the total sets it.
    family.Add(labels).Increment(total);
}

} // namespace anycast
