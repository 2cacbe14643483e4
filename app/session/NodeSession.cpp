#include "app/session/NodeSession.h"

#include "common/BackgroundDisposal.h"

#include <algorithm>

namespace anycast {
namespace {

const QString kClientName = QStringLiteral("anycast-console");

// Events after which `status` no longer says what the agent does.
bool changesStatus(const AgentEvent &event)
{
    static const QStringList kinds{QStringLiteral("route"),   QStringLiteral("drain"),
                                   QStringLiteral("undrain"), QStringLiteral("health"),
                                   QStringLiteral("fleet"),   QStringLiteral("config")};
    return kinds.contains(event.kind);
}

template <typename T> QString failureText(const CallOutcome<T> &outcome)
{
    if (const auto *error = std::get_if<RpcError>(&outcome))
        return QStringLiteral("the agent answered error %1: %2")
            .arg(error->code)
            .arg(error->message);
    return std::get<ClientError>(outcome).message;
}

} // namespace

NodeSession::NodeSession(QString endpoint, QObject *parent)
    : NodeSession(std::move(endpoint), Timings{}, parent)
{}

NodeSession::NodeSession(QString endpoint, Timings timings, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_timings(timings)
    , m_samples(timings.historyWindow, timings.firstBackfill)
{
    connect(&m_client, &AgentClient::sampleReceived, this, &NodeSession::onLiveSample);
    connect(&m_client, &AgentClient::eventReceived, this, &NodeSession::onLiveEvent);
    connect(&m_client, &AgentClient::protocolViolated, this,
            [this](const QString &why) { declareDead(QStringLiteral("protocol error: ") + why); });
    m_statusTimer.setInterval(m_timings.statusRefresh);
    connect(&m_statusTimer, &QTimer::timeout, this, &NodeSession::requestStatus);
}

NodeSession::~NodeSession()
{
    // Callbacks still pending must not reach a half-destroyed session.
    ++m_generation;
    endBackfill();
    endOlder();
}

void NodeSession::setLink(const LinkStatus &status)
{
    if (status == m_link)
        return;
    m_link = status;
    emit linkChanged(m_endpoint, m_link);
}

void NodeSession::attach(QIODevice *device)
{
    if (m_device)
        dropStream(QStringLiteral("the connection was replaced"));
    const quint64 generation = ++m_generation;
    m_device = device;
    m_client.attach(device);
    setLink(LinkStatus{LinkPhase::Connecting, QStringLiteral("greeting the agent"), {}});
    m_client.hello(kClientName, [this, generation](CallOutcome<HelloReply> outcome) {
        onHello(generation, std::move(outcome));
    });
}

void NodeSession::onHello(quint64 generation, CallOutcome<HelloReply> outcome)
{
    if (!current(generation))
        return;
    if (const auto *error = std::get_if<ClientError>(&outcome);
        error && error->failure == CallFailure::VersionMismatch) {
        // Reconnecting cannot help until someone upgrades one side: stop reading, say why,
        // and leave the stream to its owner.
        dropStream(error->message);
        setLink(LinkStatus{LinkPhase::ProtocolMismatch, error->message, {}});
        return;
    }
    if (!std::holds_alternative<HelloReply>(outcome)) {
        declareDead(QStringLiteral("hello failed: ") + failureText(outcome));
        return;
    }
    HelloReply hello = std::get<HelloReply>(std::move(outcome));
    if (m_hello && (m_hello->node != hello.node || m_hello->region != hello.region)) {
        // Another agent answers here now: nothing of the previous one's numbering applies.
        m_events.reset();
        m_samples.reset();
        emit agentRestarted(m_endpoint);
    }
    m_hello = hello;
    emit helloReceived(m_endpoint, hello);
    if (current(generation))
        startSession();
}

void NodeSession::startSession()
{
    const quint64 generation = m_generation;
    // Hold live notifications from the moment we subscribe; the agent answers requests on
    // one connection in order, so the catch-up replies cover everything before them.
    m_samples.beginCatchUp();
    m_client.subscribe({QStringLiteral("sample"), QStringLiteral("event")},
                       [this, generation](CallOutcome<QStringList> outcome) {
                           if (!current(generation))
                               return;
                           if (!std::holds_alternative<QStringList>(outcome)) {
                               declareDead(QStringLiteral("subscribe failed: ") +
                                           failureText(outcome));
                               return;
                           }
                           setLink(LinkStatus{LinkPhase::Connected, {}, {}});
                       });
    catchUpEvents();
    if (m_backfillQueue)
        m_backfillTicket = m_backfillQueue->enqueue([this] { backfill(); });
    else
        backfill();
    m_statusCall.reset();
    requestStatus();
    m_statusTimer.start();
}

void NodeSession::backfill()
{
    requestHistory(m_samples.historySeconds(QDateTime::currentDateTimeUtc()));
}

void NodeSession::requestHistory(std::optional<int> seconds)
{
    const quint64 generation = m_generation;
    m_client.history(
        seconds,
        [this, generation, seconds](CallOutcome<HistoryReply> outcome) {
            if (!current(generation))
                return;
            if (const auto *error = std::get_if<RpcError>(&outcome);
                error && error->code == kInvalidParams && seconds && !m_samples.lastTime()) {
                // An agent that keeps less than the first look refuses to be asked for more
                // than it keeps: ask it for all of it.
                requestHistory(std::nullopt);
                return;
            }
            endBackfill();
            if (!std::holds_alternative<HistoryReply>(outcome)) {
                m_samples.abortCatchUp();
                failedFatally(outcome, QStringLiteral("history"));
                return;
            }
            const std::optional<QDateTime> coveredBefore = m_samples.coveredSince();
            QList<SamplePoint> samples =
                m_samples.finishCatchUp(std::get<HistoryReply>(outcome), seconds);
            if (!samples.isEmpty())
                emit seriesReceived(m_endpoint, samples);
            disposeInBackground(std::move(outcome), std::move(samples));
            if (!current(generation))
                return;
            announceCoverage(coveredBefore);
            if (current(generation))
                scheduleOlder();
        },
        m_timings.historyTimeout);
}

void NodeSession::endBackfill()
{
    if (m_backfillQueue && m_backfillTicket)
        m_backfillQueue->finish(*m_backfillTicket);
    m_backfillTicket.reset();
}

void NodeSession::scheduleOlder()
{
    if (m_olderPending || !m_samples.needsOlder())
        return;
    m_olderPending = true;
    if (!m_backfillQueue) {
        fetchOlder();
        return;
    }
    const auto priority =
        m_historyDemanded ? BackfillQueue::Priority::Demand : BackfillQueue::Priority::Background;
    m_olderTicket = m_backfillQueue->enqueue([this] { fetchOlder(); }, priority);
}

void NodeSession::fetchOlder()
{
    const quint64 generation = m_generation;
    const std::optional<int> seconds = m_samples.olderSeconds();
    m_client.history(
        seconds,
        [this, generation, seconds](CallOutcome<HistoryReply> outcome) {
            if (!current(generation))
                return;
            endOlder();
            if (!std::holds_alternative<HistoryReply>(outcome)) {
                failedFatally(outcome, QStringLiteral("history"));
                return;
            }
            const std::optional<QDateTime> coveredBefore = m_samples.coveredSince();
            QList<SamplePoint> samples =
                m_samples.finishOlder(std::get<HistoryReply>(outcome), seconds);
            m_historyDemanded = false;
            if (!samples.isEmpty())
                emit olderSeriesReceived(m_endpoint, samples);
            disposeInBackground(std::move(outcome), std::move(samples));
            if (current(generation))
                announceCoverage(coveredBefore);
        },
        m_timings.historyTimeout);
}

void NodeSession::endOlder()
{
    if (m_backfillQueue && m_olderTicket)
        m_backfillQueue->finish(*m_olderTicket);
    m_olderTicket.reset();
    m_olderPending = false;
}

void NodeSession::announceCoverage(const std::optional<QDateTime> &before)
{
    const std::optional<QDateTime> &now = m_samples.coveredSince();
    if (now && now != before)
        emit seriesCoverageChanged(m_endpoint, *now);
}

void NodeSession::ensureHistory(std::chrono::seconds back)
{
    if (m_samples.covers(back))
        return;
    m_historyDemanded = true;
    if (m_backfillQueue && m_olderTicket)
        m_backfillQueue->raise(*m_olderTicket, BackfillQueue::Priority::Demand);
}

void NodeSession::catchUpEvents()
{
    const quint64 generation = m_generation;
    const EventSequence::Query query = m_events.beginCatchUp();
    m_client.events(query.after, query.limit, [this, generation](CallOutcome<EventsReply> outcome) {
        if (!current(generation))
            return;
        if (!std::holds_alternative<EventsReply>(outcome)) {
            m_events.abortCatchUp();
            failedFatally(outcome, QStringLiteral("events"));
            return;
        }
        const EventSequence::CatchUp caughtUp =
            m_events.finishCatchUp(std::get<EventsReply>(outcome));
        if (caughtUp.agentRestarted) {
            emit agentRestarted(m_endpoint);
            if (current(generation))
                catchUpEvents(); // from the new run's first event
            return;
        }
        if (caughtUp.lost)
            emit eventsLost(m_endpoint, caughtUp.lost->first, caughtUp.lost->second);
        if (current(generation))
            deliverEvents(caughtUp.deliver);
    });
}

void NodeSession::requestStatus()
{
    if (!m_device || !m_hello)
        return;
    if (m_statusCall.request())
        sendStatus();
}

void NodeSession::sendStatus()
{
    const quint64 generation = m_generation;
    m_client.status([this, generation](CallOutcome<AgentStatus> outcome) {
        if (!current(generation))
            return;
        if (auto *status = std::get_if<AgentStatus>(&outcome)) {
            emit statusReceived(m_endpoint, *status);
        } else if (failedFatally(outcome, QStringLiteral("status"))) {
            return;
        }
        if (current(generation) && m_statusCall.finished())
            sendStatus();
    });
}

void NodeSession::onLiveSample(const SamplePoint &sample)
{
    emit sampleReceived(m_endpoint, sample);
    if (m_samples.live(sample) == SampleSequence::Live::Deliver)
        emit seriesReceived(m_endpoint, {sample});
}

void NodeSession::onLiveEvent(const AgentEvent &event)
{
    switch (m_events.live(event)) {
    case EventSequence::Live::Deliver:
        deliverEvents({event});
        break;
    case EventSequence::Live::Gap:
        catchUpEvents();
        break;
    case EventSequence::Live::Duplicate:
    case EventSequence::Live::Held:
        break;
    }
}

void NodeSession::deliverEvents(const QList<AgentEvent> &events)
{
    if (events.isEmpty())
        return;
    emit eventsReceived(m_endpoint, events);
    if (std::any_of(events.begin(), events.end(), changesStatus))
        requestStatus();
}

void NodeSession::ping()
{
    if (!m_device)
        return;
    // The answer itself is not needed: its bytes on the stream are the sign of life, and
    // the transport keeps the deadline. The call's own timeout only tidies it away.
    m_client.call(
        QStringLiteral("hello"), QJsonObject{{QStringLiteral("client"), kClientName}},
        [](const CallOutcome<QJsonValue> &) {},
        m_timings.livenessInterval + m_timings.livenessDeadline);
}

bool NodeSession::canMutate() const
{
    return m_device && m_hello && m_link.isConnected();
}

bool NodeSession::refuseMutation(const AgentClient::Callback<MutationReply> &done)
{
    if (canMutate())
        return false;
    const QString why =
        m_link.reason.isEmpty()
            ? tr("not sent: the link to %1 is not up").arg(m_endpoint)
            : tr("not sent: the link to %1 is not up (%2)").arg(m_endpoint, m_link.reason);
    // Never from inside the caller's own call: every outcome arrives from the event loop.
    QTimer::singleShot(0, this, [done, why] { done(ClientError{CallFailure::Closed, why}); });
    return true;
}

void NodeSession::drain(const DrainRequest &request, AgentClient::Callback<MutationReply> done)
{
    if (!refuseMutation(done))
        m_client.drain(request, std::move(done));
}

void NodeSession::undrain(const UndrainRequest &request, AgentClient::Callback<MutationReply> done)
{
    if (!refuseMutation(done))
        m_client.undrain(request, std::move(done));
}

template <typename T>
bool NodeSession::failedFatally(const CallOutcome<T> &outcome, const QString &what)
{
    const auto *error = std::get_if<ClientError>(&outcome);
    if (!error || error->failure == CallFailure::Closed)
        return false;
    declareDead(QStringLiteral("%1: %2").arg(what, error->message));
    return true;
}

void NodeSession::declareDead(const QString &reason)
{
    if (!m_device)
        return;
    dropStream(reason);
    setLink(LinkStatus{LinkPhase::Reconnecting, reason, {}});
    if (m_deadHandler)
        m_deadHandler(reason);
}

void NodeSession::dropStream(const QString &why)
{
    ++m_generation;
    m_device.clear();
    m_statusTimer.stop();
    m_statusCall.reset();
    m_events.abortCatchUp();
    m_samples.abortCatchUp();
    endBackfill();
    endOlder();
    m_client.detach(why);
}

void NodeSession::detach(const LinkStatus &status)
{
    if (m_device)
        dropStream(status.reason.isEmpty() ? QStringLiteral("the connection closed")
                                           : status.reason);
    setLink(status);
}

void NodeSession::setTransportStatus(const LinkStatus &status)
{
    if (m_device)
        return;
    setLink(status);
}

} // namespace anycast
