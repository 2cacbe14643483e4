#pragma once

#include "common/protocol/SamplePoint.h"

#include <QDateTime>
#include <QList>

#include <chrono>
#include <optional>

namespace anycast {

// The console's view of one agent's samples in time: which live samples are new, and which
// `history` to ask for so that the charts have no hole. Pure; NodeSession does the calls.
//
// A first connect asks only for the charts' shortest view (`firstLook`); the rest of the
// window comes later from an older backfill (olderSeconds / finishOlder), which delivers only
// samples older than the oldest one delivered, so the two meet with no gap and no repeat.
// Live samples that arrive while a catch-up is in flight are held and delivered after it, so
// the newer side stays in time order; the older side grows backwards in its own batches.
class SampleSequence
{
public:
    // The console's and the agent's clocks may disagree: a catch-up asks for this much more
    // than the gap looks like, and drops what it already has.
    static constexpr std::chrono::seconds kClockSkewMargin{30};

    enum class Live
    {
        Deliver, // newer than anything delivered
        Stale,   // not newer: drop it
        Held,    // a catch-up is running: finishCatchUp() delivers it
    };

    // `window`: how far back the consumer keeps samples (the charts' longest view);
    // `firstLook`: how far back a first connect asks for (the charts' shortest view).
    SampleSequence(std::chrono::seconds window, std::chrono::seconds firstLook);
    explicit SampleSequence(std::chrono::seconds window)
        : SampleSequence(window, window)
    {}

    Live live(const SamplePoint &sample);
    // Starts holding live samples.
    void beginCatchUp();
    // The `seconds` to ask `history` for now, or nullopt for all the agent keeps: the first
    // look the first time, the gap after a reconnect, all when that reaches the agent's span.
    std::optional<int> historySeconds(const QDateTime &nowUtc) const;
    // The history samples not delivered yet, within the window, then the held ones.
    // `asked`: the seconds the reply was asked for (nullopt: all the agent keeps).
    QList<SamplePoint> finishCatchUp(const HistoryReply &reply, std::optional<int> asked);
    QList<SamplePoint> finishCatchUp(const HistoryReply &reply)
    {
        return finishCatchUp(reply, std::nullopt);
    }
    // The history call failed or the link went down: held samples are dropped, since the
    // next catch-up asks for them again (delivering them would leave a hole before them).
    void abortCatchUp();
    void reset();

    // The agent may hold samples older than the oldest delivered that the window still wants.
    bool needsOlder() const;
    // The `seconds` to ask `history` for to fill the window backwards (nullopt: all it keeps).
    std::optional<int> olderSeconds() const;
    // The reply's samples older than the oldest delivered and within the window, oldest
    // first; afterwards the window is covered.
    QList<SamplePoint> finishOlder(const HistoryReply &reply, std::optional<int> asked);
    // Everything the agent kept since this time (its clock) has been delivered.
    const std::optional<QDateTime> &coveredSince() const { return m_coveredSince; }
    // Whether what has been delivered reaches `back` before the newest sample.
    bool covers(std::chrono::seconds back) const;

    bool catchingUp() const { return m_catchingUp; }
    const std::optional<QDateTime> &lastTime() const { return m_lastTime; }
    const std::optional<QDateTime> &firstTime() const { return m_firstTime; }

private:
    void accept(const SamplePoint &sample, QList<SamplePoint> &into);
    // What a reply asked for `asked` seconds covers: from its newest sample back that far.
    void coverFrom(const HistoryReply &reply, std::optional<int> asked);

    std::chrono::seconds m_window;
    std::chrono::seconds m_firstLook;
    std::optional<QDateTime> m_lastTime;
    std::optional<QDateTime> m_firstTime;
    std::optional<QDateTime> m_coveredSince;
    std::optional<qint64> m_agentSpanSeconds;
    bool m_complete = false; // nothing older is wanted
    bool m_catchingUp = false;
    QList<SamplePoint> m_held;
};

} // namespace anycast
