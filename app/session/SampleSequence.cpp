#include "SampleSequence.h"

#include <algorithm>

namespace anycast {
namespace {

bool earlier(const SamplePoint &a, const SamplePoint &b)
{
    return a.time < b.time;
}

} // namespace

SampleSequence::SampleSequence(std::chrono::seconds window)
    : m_window(window)
{}

SampleSequence::Live SampleSequence::live(const SamplePoint &sample)
{
    if (m_catchingUp) {
        m_held.append(sample);
        return Live::Held;
    }
    if (m_lastTime && sample.time <= *m_lastTime)
        return Live::Stale;
    m_lastTime = sample.time;
    return Live::Deliver;
}

void SampleSequence::beginCatchUp()
{
    m_catchingUp = true;
}

std::optional<int> SampleSequence::historySeconds(const QDateTime &nowUtc) const
{
    if (!m_lastTime || !m_agentSpanSeconds)
        return std::nullopt;
    const qint64 gap = std::max<qint64>(0, m_lastTime->secsTo(nowUtc));
    const qint64 wanted = std::min<qint64>(gap + kClockSkewMargin.count() + 1, m_window.count());
    if (wanted >= *m_agentSpanSeconds)
        return std::nullopt;
    return static_cast<int>(std::max<qint64>(1, wanted));
}

void SampleSequence::accept(const SamplePoint &sample, QList<SamplePoint> &into)
{
    if (m_lastTime && sample.time <= *m_lastTime)
        return;
    m_lastTime = sample.time;
    into.append(sample);
}

QList<SamplePoint> SampleSequence::finishCatchUp(const HistoryReply &reply)
{
    m_agentSpanSeconds = static_cast<qint64>(reply.spanSeconds);
    QList<SamplePoint> history = reply.samples;
    std::stable_sort(history.begin(), history.end(), earlier);
    QList<SamplePoint> result;
    if (!history.isEmpty()) {
        const QDateTime windowStart = history.last().time.addSecs(-m_window.count());
        for (const SamplePoint &sample : std::as_const(history)) {
            if (sample.time >= windowStart)
                accept(sample, result);
        }
    }
    std::stable_sort(m_held.begin(), m_held.end(), earlier);
    for (const SamplePoint &sample : std::as_const(m_held))
        accept(sample, result);
    m_held.clear();
    m_catchingUp = false;
    return result;
}

void SampleSequence::abortCatchUp()
{
    m_held.clear();
    m_catchingUp = false;
}

void SampleSequence::reset()
{
    m_lastTime.reset();
    m_agentSpanSeconds.reset();
    m_held.clear();
    m_catchingUp = false;
}

} // namespace anycast
