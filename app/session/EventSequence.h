#pragma once

#include "common/protocol/AgentEvent.h"

#include <QList>

#include <optional>

namespace anycast {

// The console's view of one agent's event numbers: which live events are new, and how to
// close the gap a lost connection leaves. Pure; NodeSession does the calls.
//
// The agent numbers events from 1 per run and answers `events {after, limit}` with the
// newest `limit` events after `after`. A catch-up therefore asks for everything after the
// last event seen *minus one*: that event comes back as an anchor, and if it is not the
// same event (or the agent's last_seq is below it) the agent restarted and its numbers
// start over. Live events that arrive while a catch-up is in flight are held and
// delivered after it, in order, without repeats.
class EventSequence
{
public:
    // The API's maximum page; the agent keeps its last 1000 events, so one page reaches
    // back as far as the agent can.
    static constexpr int kPageLimit = 1000;

    enum class Live
    {
        Deliver,   // new and next in order: hand it on
        Duplicate, // seen before: drop it
        Held,      // a catch-up is running: finishCatchUp() delivers it
        Gap,       // events were skipped: it is held; start a catch-up
    };

    struct Query
    {
        std::optional<quint64> after;
        int limit = kPageLimit;
    };

    struct CatchUp
    {
        QList<AgentEvent> deliver; // in seq order, none delivered before
        // The agent's numbers started over: nothing is delivered, the catch-up goes on, and
        // beginCatchUp() now asks for everything.
        bool agentRestarted = false;
        // Seqs the agent no longer has (more events happened than it keeps): [first, last].
        std::optional<std::pair<quint64, quint64>> lost;
    };

    Live live(const AgentEvent &event);
    // Starts holding live events (or keeps holding them, after a restart) and says what to
    // ask the agent for.
    Query beginCatchUp();
    CatchUp finishCatchUp(const EventsReply &reply);
    // The catch-up failed or the link went down: held events are dropped, since the next
    // catch-up asks for them again.
    void abortCatchUp();
    // Another agent answers at this endpoint: forget its numbers.
    void reset();

    bool catchingUp() const { return m_catchingUp; }
    std::optional<quint64> lastSeq() const;

private:
    void accept(const AgentEvent &event, QList<AgentEvent> &into);
    bool isAnchor(const AgentEvent &event) const;

    std::optional<AgentEvent> m_last;
    bool m_catchingUp = false;
    QList<AgentEvent> m_held;
};

} // namespace anycast
