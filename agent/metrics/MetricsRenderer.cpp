#include "agent/metrics/MetricsRenderer.h"

#include "agent/metrics/MetricsAreas.h"

#include <algorithm>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>
#include <sstream>

namespace anycast {

namespace {

// prometheus-cpp hands out families by type and series in hash order. Sorted, the page reads
// area by area (anycast_bgp_*, anycast_service_*) and two scrapes diff cleanly.
void sortForReaders(std::vector<prometheus::MetricFamily> &families)
{
    std::sort(families.begin(), families.end(),
              [](const auto &left, const auto &right) { return left.name < right.name; });
    for (prometheus::MetricFamily &family : families) {
        std::sort(family.metric.begin(), family.metric.end(),
                  [](const auto &left, const auto &right) { return left.label < right.label; });
    }
}

} // namespace

QByteArray renderMetrics(const MetricsSnapshot &snapshot)
{
    // A fresh registry per scrape: a few hundred series cost microseconds, and a service,
    // prefix or peer that left the configuration leaves no stale series behind.
    prometheus::Registry registry;
    addAgentMetrics(registry, snapshot);
    addServiceMetrics(registry, snapshot.services);
    if (snapshot.host)
        addHostMetrics(registry, *snapshot.host);
    addBgpMetrics(registry, snapshot);

    std::vector<prometheus::MetricFamily> families = registry.Collect();
    sortForReaders(families);
    std::ostringstream text;
    prometheus::TextSerializer().Serialize(text, families);
    return QByteArray::fromStdString(text.str());
}

} // namespace anycast
