#pragma once

#include "BackfillQueue.h"
#include "FleetFeed.h"
#include "models/FleetState.h"
#include "models/TimeSeriesStore.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace anycast {

class LocalAgentLink;
class NodeSession;

// The console's fleet in one place: the state the trees read, the charts' store, and a
// session per node with whatever keeps its stream open. Agents on this machine are reached
// through their socket directly; remote ones get a transport of their own.
class ConsoleFleet final : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleFleet(QObject *parent = nullptr);
    ~ConsoleFleet() override;

    FleetState *state() { return &m_state; }
    TimeSeriesStore *store() { return &m_store; }

    // Starts a session to the agent listening on `socketPath`; the endpoint is
    // "local:<socketPath>".
    void addLocalAgent(const QString &socketPath);
    void remove(const QString &endpoint);

private:
    struct Member;

    FleetState m_state;
    TimeSeriesStore m_store;
    FleetFeed m_feed{&m_state, &m_store};
    BackfillQueue m_backfills;
    QHash<QString, std::shared_ptr<Member>> m_members;
};

} // namespace anycast
