#include "app/models/NodeMoment.h"

#include "app/models/EventLog.h"
#include "app/models/SeriesLookup.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace anycast {
namespace {

const QString kIndent = QStringLiteral("  ");

QString timeOfDay(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("HH:mm:ss"));
}

QString eventLine(const EventEntry &entry)
{
    const QString when = timeOfDay(entry.time);
    if (entry.isGap()) {
        //: Detail at a chart's moment: a gap in a node's event log (time).
        return NodeMoment::tr("%1 some events may be missing here").arg(when);
    }
    const AgentEvent &event = entry.event;
    if (event.service.isEmpty()) {
        //: Detail at a chart's moment, one event: time, kind (route, health, ...), message.
        return NodeMoment::tr("%1 %2: %3").arg(when, event.kind, event.message);
    }
    //: Detail at a chart's moment, one event: time, kind, service, message.
    return NodeMoment::tr("%1 %2 (%3): %4").arg(when, event.kind, event.service, event.message);
}

} // namespace

QString NodeMoment::describe(const TimeSeriesStore &store, const EventLog *events,
                             const QString &endpoint, const QString &name, SeriesWindow window,
                             qint64 timeMs)
{
    const qint64 bucketMs = windowSpec(window).bucketMs;
    const qint64 bucketStart = timeMs - (((timeMs % bucketMs) + bucketMs) % bucketMs);
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(bucketStart, Qt::UTC);
    const QDateTime to = from.addMSecs(bucketMs);
    const SeriesKey key{SeriesKey::Scope::Node, endpoint, {}};
    const auto value = [&](SeriesMetric metric) {
        return valueAt(store.means(key, metric, window), timeMs, bucketMs);
    };
    //: Detail at a chart's moment: a value the chart had no sample for.
    const QString none = tr("n/a");
    const auto count = [&](SeriesMetric metric) {
        const std::optional<double> found = value(metric);
        return found ? QString::number(*found, 'f', 0) : none;
    };
    // A value with its unit, from a pattern such as "%1 ms", or "n/a".
    const auto measured = [&](SeriesMetric metric, int decimals, const QString &pattern) {
        const std::optional<double> found = value(metric);
        return found ? pattern.arg(*found, 0, 'f', decimals) : none;
    };

    QStringList lines;
    //: Detail at a chart's moment, heading: node, start and end of the chart's bucket (UTC).
    lines.append(tr("%1 from %2 to %3 UTC, as the charts drew it:")
                     .arg(name, timeOfDay(from), timeOfDay(to)));
    if (!value(SeriesMetric::Established)) {
        //: Detail at a chart's moment: the console holds no sample of the node there.
        lines.append(kIndent + tr("no sample of this node in that interval"));
    } else {
        //: Detail at a chart's moment: TCP state counts (means over the interval).
        lines.append(kIndent +
                     tr("ESTABLISHED %1, SYN_RECV %2, TIME_WAIT %3, CLOSE_WAIT %4, other %5")
                         .arg(count(SeriesMetric::Established), count(SeriesMetric::SynRecv),
                              count(SeriesMetric::TimeWait), count(SeriesMetric::CloseWait),
                              count(SeriesMetric::OtherStates)));
        //: Detail at a chart's moment: the fullest accept queue, retransmissions, probe
        //: latency; each argument is a value with its unit, or "n/a".
        lines.append(kIndent + tr("accept queue %1, retransmissions %2, probe latency %3")
                                   //: Detail at a chart's moment: accept-queue fill.
                                   .arg(measured(SeriesMetric::AcceptQueueFill, 0, tr("%1 % full")),
                                        //: Detail at a chart's moment: retransmissions per second.
                                        measured(SeriesMetric::RetransmitRate, 1, tr("%1/s")),
                                        //: Detail at a chart's moment: probe latency.
                                        measured(SeriesMetric::ProbeLatency, 1, tr("%1 ms"))));
    }

    QStringList recent;
    if (events) {
        const QList<EventEntry> &entries = events->entries();
        // Entries are in time order: walk back from the end of the interval.
        auto end = std::upper_bound(
            entries.cbegin(), entries.cend(), to,
            [](const QDateTime &limit, const EventEntry &entry) { return limit < entry.time; });
        for (auto it = end; it != entries.cbegin() && recent.size() < kEventsShown;) {
            --it;
            if (it->origin.endpoint == endpoint)
                recent.prepend(eventLine(*it));
        }
    }
    if (recent.isEmpty()) {
        //: Detail at a chart's moment: the console holds no event of the node up to then.
        lines.append(tr("No event of this node held up to then."));
    } else {
        //: Detail at a chart's moment: heading of the node's last events up to the moment.
        lines.append(tr("Its last events up to then:"));
        for (const QString &line : recent)
            lines.append(kIndent + line);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace anycast
