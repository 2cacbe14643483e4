#pragma once

#include <QString>
#include <QStringList>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <string>

namespace anycast {

// Small helpers the area renderers share. A family that never gets a series is left out of
// the output by prometheus-cpp, so callers may create families unconditionally.

using GaugeFamily = prometheus::Family<prometheus::Gauge>;
using CounterFamily = prometheus::Family<prometheus::Counter>;

GaugeFamily &gaugeFamily(prometheus::Registry &registry, const std::string &name,
                         const std::string &help);
CounterFamily &counterFamily(prometheus::Registry &registry, const std::string &name,
                             const std::string &help);

// Label values are UTF-8; prometheus-cpp escapes quotes, backslashes and newlines.
std::string utf8(const QString &text);

// One series per state of the vocabulary, labelled state="...": 1 for the current state,
// 0 for the others, so a dashboard can graph any state without knowing the current one.
// A current state outside the vocabulary gets a series of its own rather than vanishing.
void addStateSeries(GaugeFamily &family, prometheus::Labels labels, const QStringList &states,
                    const QString &current);

// A counter series holding a total the agent already counts itself.
void setCounter(CounterFamily &family, const prometheus::Labels &labels, double total);

} // namespace anycast
