#pragma once

#include "protocol/SamplePoint.h"

#include <QDateTime>
#include <QList>

#include <chrono>
#include <optional>

namespace anycast {

// The console's view of one agent's samples in time: which live samples are new, and which
// `history` to ask for after a (re)connect so that the charts have no hole. Pure; NodeSession
// does the calls. Live samples that arrive while the history is in flight are held and
// delivered after it, so every consumer sees samples in time order.
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

    // `window`: how far back the consumer keeps samples (the charts' longest view).
    explicit SampleSequence(std::chrono::seconds window);

    Live live(const SamplePoint &sample);
    // Starts holding live samples.
    void beginCatchUp();
    // The `seconds` to ask `history` for now, or nullopt for all the agent keeps (the first
    // time, or when the gap is at least the agent's span).
    std::optional<int> historySeconds(const QDateTime &nowUtc) const;
    // The history samples not delivered yet, within the window, then the held ones.
    QList<SamplePoint> finishCatchUp(const HistoryReply &reply);
    // The history call failed or the link went down: held samples are dropped, since the
    // next catch-up asks for them again (delivering them would leave a hole before them).
    void abortCatchUp();
    void reset();

    bool catchingUp() const { return m_catchingUp; }
    const std::optional<QDateTime> &lastTime() const { return m_lastTime; }

private:
    void accept(const SamplePoint &sample, QList<SamplePoint> &into);

    std::chrono::seconds m_window;
    std::optional<QDateTime> m_lastTime;
    std::optional<qint64> m_agentSpanSeconds;
    bool m_catchingUp = false;
    QList<SamplePoint> m_held;
};

} // namespace anycast
