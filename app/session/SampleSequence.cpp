#include "app/session/SampleSequence.h"

#include <algorithm>

namespace anycast {
namespace {

bool earlier(const SamplePoint &a, const SamplePoint &b)
{
    return a.time < b.time;
}

QList<SamplePoint> sortedSamples(const HistoryReply &reply)
{
    // Agents send their samples in time order; sorting a shared copy would detach it.
    if (std::is_sorted(reply.samples.cbegin(), reply.samples.cend(), earlier))
        return reply.samples;
    QList<SamplePoint> history = reply.samples;
    std::stable_sort(history.begin(), history.end(), earlier);
    return history;
}

} // namespace

SampleSequence::SampleSequence(std::chrono::seconds window, std::chrono::seconds firstLook)
    : m_window(window)
    , m_firstLook(std::clamp(firstLook, std::chrono::seconds(1), window))
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
    if (!m_firstTime)
        m_firstTime = sample.time;
    return Live::Deliver;
}

void SampleSequence::beginCatchUp()
{
    m_catchingUp = true;
}

std::optional<int> SampleSequence::historySeconds(const QDateTime &nowUtc) const
{
    if (!m_lastTime || !m_agentSpanSeconds) {
        if (m_firstLook < m_window)
            return static_cast<int>(m_firstLook.count());
        return std::nullopt;
    }
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
    if (!m_firstTime)
        m_firstTime = sample.time;
    into.append(sample);
}

void SampleSequence::coverFrom(const HistoryReply &reply, std::optional<int> asked)
{
    m_agentSpanSeconds = static_cast<qint64>(reply.spanSeconds);
    const bool all = !asked || *asked >= m_agentSpanSeconds;
    if (reply.samples.isEmpty()) {
        // An agent with no samples yet: everything it will have arrives live.
        m_complete = true;
        return;
    }
    const QDateTime newest =
        std::max_element(reply.samples.begin(), reply.samples.end(), earlier)->time;
    const qint64 back = all ? *m_agentSpanSeconds : *asked;
    const QDateTime since = newest.addSecs(-back);
    if (!m_coveredSince || since < *m_coveredSince)
        m_coveredSince = since;
    if (all || back >= m_window.count())
        m_complete = true;
}

QList<SamplePoint> SampleSequence::finishCatchUp(const HistoryReply &reply,
                                                 std::optional<int> asked)
{
    const bool first = !m_agentSpanSeconds;
    const QList<SamplePoint> history = sortedSamples(reply);
    QList<SamplePoint> result;
    if (!history.isEmpty()) {
        const QDateTime windowStart = history.last().time.addSecs(-m_window.count());
        for (const SamplePoint &sample : history) {
            if (sample.time >= windowStart)
                accept(sample, result);
        }
    }
    std::stable_sort(m_held.begin(), m_held.end(), earlier);
    for (const SamplePoint &sample : std::as_const(m_held))
        accept(sample, result);
    m_held.clear();
    m_catchingUp = false;
    if (first)
        coverFrom(reply, asked);
    else
        m_agentSpanSeconds = static_cast<qint64>(reply.spanSeconds);
    return result;
}

bool SampleSequence::needsOlder() const
{
    return m_agentSpanSeconds && m_firstTime && !m_complete;
}

std::optional<int> SampleSequence::olderSeconds() const
{
    if (m_agentSpanSeconds && m_window.count() < *m_agentSpanSeconds)
        return static_cast<int>(m_window.count());
    return std::nullopt;
}

QList<SamplePoint> SampleSequence::finishOlder(const HistoryReply &reply, std::optional<int> asked)
{
    QList<SamplePoint> result;
    if (m_firstTime && m_lastTime) {
        const QDateTime windowStart = m_lastTime->addSecs(-m_window.count());
        const QList<SamplePoint> history = sortedSamples(reply);
        for (const SamplePoint &sample : history) {
            if (sample.time >= *m_firstTime)
                break;
            if (sample.time >= windowStart &&
                (result.isEmpty() || result.last().time < sample.time))
                result.append(sample);
        }
        if (!result.isEmpty())
            m_firstTime = result.first().time;
    }
    coverFrom(reply, asked);
    m_complete = true; // asked for the whole window, or all the agent keeps
    return result;
}

bool SampleSequence::covers(std::chrono::seconds back) const
{
    if (m_complete)
        return true;
    return m_coveredSince && m_lastTime && *m_coveredSince <= m_lastTime->addSecs(-back.count());
}

void SampleSequence::abortCatchUp()
{
    m_held.clear();
    m_catchingUp = false;
}

void SampleSequence::reset()
{
    m_lastTime.reset();
    m_firstTime.reset();
    m_coveredSince.reset();
    m_agentSpanSeconds.reset();
    m_complete = false;
    m_held.clear();
    m_catchingUp = false;
}

} // namespace anycast
