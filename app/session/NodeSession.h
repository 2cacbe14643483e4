#pragma once

#include "app/session/BackfillQueue.h"
#include "app/session/CoalescedCall.h"
#include "app/session/EventSequence.h"
#include "app/session/LinkStatus.h"
#include "app/session/SampleSequence.h"
#include "common/protocol/AgentClient.h"

#include <QIODevice>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace anycast {

// The console's conversation with one agent, whatever carries it. The transport's owner hands
// it a stream that is now open (attach) and says when the stream is gone (detach); the
// session greets the agent (and refuses another API version), subscribes, catches up on the
// events and samples it missed while the link was down, keeps `status` fresh, and pings a
// quiet agent. Everything it learns leaves as typed signals, each naming the endpoint, in
// order and without repeats: models and stores connect to them and never see JSON.
class NodeSession final : public QObject
{
    Q_OBJECT

public:
    struct Timings
    {
        std::chrono::milliseconds statusRefresh{10000}; // safety net besides event triggers
        // For the transport's liveness probe: this long without news, ping(); no news within
        // the deadline after it, the transport declares the link dead.
        std::chrono::milliseconds livenessInterval{5000};
        std::chrono::milliseconds livenessDeadline{3000};
        std::chrono::milliseconds historyTimeout{30000}; // an hour of samples is a few MiB
        std::chrono::seconds historyWindow{3600};        // how far back the charts reach
        // What a first connect backfills at once (the charts' shortest view); the rest of
        // the window follows in the background, or sooner when a view asks (ensureHistory).
        std::chrono::seconds firstBackfill{300};
    };
    // The session found the link dead (a protocol violation, a call timed out): the owner
    // closes the stream and reconnects, then calls attach() again.
    using DeadHandler = std::function<void(const QString &reason)>;

    explicit NodeSession(QString endpoint, QObject *parent = nullptr);
    NodeSession(QString endpoint, Timings timings, QObject *parent = nullptr);
    ~NodeSession() override;

    const QString &endpoint() const { return m_endpoint; }
    const Timings &timings() const { return m_timings; }
    const LinkStatus &link() const { return m_link; }
    const std::optional<HelloReply> &hello() const { return m_hello; }
    std::optional<quint64> lastEventSeq() const { return m_events.lastSeq(); }
    // For mutations (drain, undrain): valid while connected.
    AgentClient &client() { return m_client; }
    // Whether a mutation may go out now: the agent has greeted and the link is up.
    bool canMutate() const;

    // Sends a drain or undrain through this node's link. `done` runs exactly once, from the
    // event loop: with the agent's reply, its error (code and message), or a ClientError when
    // there was no answer. With no link up, nothing is sent and `done` says why.
    void drain(const DrainRequest &request, AgentClient::Callback<MutationReply> done);
    void undrain(const UndrainRequest &request, AgentClient::Callback<MutationReply> done);

    void setDeadHandler(DeadHandler handler) { m_deadHandler = std::move(handler); }
    // Backfills wait their turn in `queue` (not owned; shared by the fleet). Without one,
    // they go out at once.
    void setBackfillQueue(BackfillQueue *queue) { m_backfillQueue = queue; }
    // `device` (not owned) is open to the agent's API socket.
    void attach(QIODevice *device);
    // The stream is gone; `status` says how the owner sees the link now (reconnecting,
    // unreachable, ...). Safe to call when not attached.
    void detach(const LinkStatus &status);
    // The owner's view while no stream is attached (connecting, reconnecting in N s, host key
    // refused, ...). Ignored while attached: the session knows better then.
    void setTransportStatus(const LinkStatus &status);
    // Asks the agent for a sign of life (a `hello`); its answer is news the transport sees on
    // the stream. The transport's liveness probe calls this and keeps the deadline.
    void ping();
    // A view wants this node's samples reaching `back` before the newest one: if they are
    // not all in yet, the older backfill goes ahead of the background ones.
    void ensureHistory(std::chrono::seconds back);
    // Everything the agent kept since this time (its clock) has been delivered; nullopt
    // before the first backfill.
    const std::optional<QDateTime> &seriesCoveredSince() const { return m_samples.coveredSince(); }
    // Whether the samples delivered reach `back` before the newest one (or all the agent has).
    bool seriesCovers(std::chrono::seconds back) const { return m_samples.covers(back); }

signals:
    void linkChanged(const QString &endpoint, const anycast::LinkStatus &link);
    void helloReceived(const QString &endpoint, const anycast::HelloReply &hello);
    void statusReceived(const QString &endpoint, const anycast::AgentStatus &status);
    // Each live sample as it arrives: the node's state now, for the fleet tree.
    void sampleReceived(const QString &endpoint, const anycast::SamplePoint &sample);
    // The samples for the time series, in time order, each newer than the last: the
    // backfill first, then the live ones (held while the backfill waits or runs).
    void seriesReceived(const QString &endpoint, const QList<anycast::SamplePoint> &samples);
    // Samples older than any delivered before (the rest of the window after the first look),
    // oldest first; together with seriesReceived, each sample arrives once and none is missing
    // between the oldest and the newest.
    void olderSeriesReceived(const QString &endpoint, const QList<anycast::SamplePoint> &samples);
    // seriesCoveredSince() moved back.
    void seriesCoverageChanged(const QString &endpoint, const QDateTime &coveredSince);
    // In seq order, none twice: the catch-up after a connect, then live events.
    void eventsReceived(const QString &endpoint, const QList<anycast::AgentEvent> &events);
    // The agent's event numbers went backwards: it restarted while the link was down (or
    // another agent answers at this endpoint). Events that follow start afresh.
    void agentRestarted(const QString &endpoint);
    // The agent no longer holds events [firstSeq, lastSeq]: more happened than it keeps.
    void eventsLost(const QString &endpoint, quint64 firstSeq, quint64 lastSeq);

private:
    bool current(quint64 generation) const { return generation == m_generation && m_device; }
    void setLink(const LinkStatus &status);
    void onHello(quint64 generation, CallOutcome<HelloReply> outcome);
    void startSession();
    // Asks for the events missed since the last one seen; live ones wait until it is done.
    void catchUpEvents();
    void backfill();
    void requestHistory(std::optional<int> seconds);
    void endBackfill();
    // After a catch-up: the rest of the window, through the queue, if the agent has more.
    void scheduleOlder();
    void fetchOlder();
    void endOlder();
    void announceCoverage(const std::optional<QDateTime> &before);
    void requestStatus();
    void sendStatus();
    void onLiveSample(const SamplePoint &sample);
    void onLiveEvent(const AgentEvent &event);
    void deliverEvents(const QList<AgentEvent> &events);
    // A call failed: a timeout or a protocol error means the link is dead; Closed means the
    // link is already going down; an agent error leaves the link alone.
    template <typename T> bool failedFatally(const CallOutcome<T> &outcome, const QString &what);
    void declareDead(const QString &reason);
    // Runs `done` with Closed from the event loop when no mutation may go out now.
    bool refuseMutation(const AgentClient::Callback<MutationReply> &done);
    void dropStream(const QString &why);

    QString m_endpoint;
    Timings m_timings;
    AgentClient m_client;
    LinkStatus m_link;
    std::optional<HelloReply> m_hello;
    EventSequence m_events;
    SampleSequence m_samples;
    CoalescedCall m_statusCall;
    QTimer m_statusTimer;
    QPointer<QIODevice> m_device;
    // Bumped whenever the stream changes: callbacks of calls on an older stream do nothing.
    quint64 m_generation = 0;
    DeadHandler m_deadHandler;
    BackfillQueue *m_backfillQueue = nullptr;
    std::optional<BackfillQueue::Ticket> m_backfillTicket;
    std::optional<BackfillQueue::Ticket> m_olderTicket;
    bool m_olderPending = false;    // the older backfill waits or runs
    bool m_historyDemanded = false; // a view asked: the older backfill is not background work
};

} // namespace anycast
