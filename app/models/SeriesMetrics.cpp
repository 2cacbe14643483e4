#include "app/models/SeriesMetrics.h"

namespace anycast {

SeriesAggregation aggregationOf(SeriesMetric metric)
{
    switch (metric) {
    case SeriesMetric::AcceptQueueFill:
        return SeriesAggregation::Max;
    case SeriesMetric::ProbeLatency:
    case SeriesMetric::ProbeOk:
        return SeriesAggregation::Mean;
    default:
        return SeriesAggregation::Sum;
    }
}

MetricValues MetricExtractor::operator()(const QDateTime &time, const ServiceSample &sample)
{
    MetricValues values;
    values.fill(kNoValue);
    const TcpStateCounts &states = sample.stats.states;
    const quint64 established = states[TcpState::Established];
    const quint64 synRecv = states[TcpState::SynRecv];
    const quint64 timeWait = states[TcpState::TimeWait];
    const quint64 closeWait = states[TcpState::CloseWait];
    const quint64 listen = states[TcpState::Listen];
    const quint64 named = established + synRecv + timeWait + closeWait + listen;
    const auto at = [&values](SeriesMetric metric) -> float & {
        return values[static_cast<std::size_t>(metric)];
    };
    at(SeriesMetric::Established) = static_cast<float>(established);
    at(SeriesMetric::SynRecv) = static_cast<float>(synRecv);
    at(SeriesMetric::TimeWait) = static_cast<float>(timeWait);
    at(SeriesMetric::CloseWait) = static_cast<float>(closeWait);
    at(SeriesMetric::OtherStates) =
        static_cast<float>(states.total() - std::min(named, states.total()));
    std::optional<double> fullest;
    for (const ListenerStats &listener : sample.stats.listeners) {
        if (listener.backlog && *listener.backlog > 0) {
            fullest =
                std::max(fullest.value_or(0.0), 100.0 * listener.acceptQueue / *listener.backlog);
        }
    }
    if (fullest)
        at(SeriesMetric::AcceptQueueFill) = static_cast<float>(*fullest);
    const TcpInfoSummary &info = sample.stats.tcpInfo;
    const qint64 now = time.toMSecsSinceEpoch();
    if (info.available) {
        at(SeriesMetric::Retransmitting) = static_cast<float>(info.retransmitting);
        // A sample older than the last one (never sent in order, but cheap to guard) gets no
        // rate and does not move the reference.
        if (!m_previous || now > m_previous->first) {
            if (m_previous) {
                const quint64 before = m_previous->second;
                const double added = info.totalRetransmits > before
                                         ? static_cast<double>(info.totalRetransmits - before)
                                         : 0.0;
                at(SeriesMetric::RetransmitRate) = static_cast<float>(
                    added * 1000.0 / static_cast<double>(now - m_previous->first));
            }
            m_previous = std::make_pair(now, info.totalRetransmits);
        }
    } else {
        m_previous.reset();
    }
    if (sample.probe) {
        at(SeriesMetric::ProbeOk) = sample.probe->ok ? 1.0f : 0.0f;
        if (sample.probe->ok)
            at(SeriesMetric::ProbeLatency) = static_cast<float>(sample.probe->latencyMs);
    }
    return values;
}

} // namespace anycast
