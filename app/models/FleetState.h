#pragma once

#include "app/models/NodeFacts.h"
#include "app/models/NodeSnapshot.h"
#include "app/models/PrefixCensus.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>

namespace anycast {

// The console's knowledge of the fleet: one snapshot per inventory endpoint, fed by the
// node sessions, read by the fleet and prefix models. It keeps the derived facts of each
// node and the fleet-wide prefix census up to date, so every model reads the same answer.
// Clock-injected: sample ages and retry countdowns are measured with `clock`.
class FleetState final : public QObject
{
    Q_OBJECT

public:
    using Clock = NodeSnapshot::Clock;
    using ClockFunction = std::function<Clock::time_point()>;

    // What changed about a node, so that a model redraws only what it must.
    enum Aspect
    {
        LinkAspect = 0x1,
        IdentityAspect = 0x2, // hello: name, region, location, prefixes
        StatusAspect = 0x4,
        SampleAspect = 0x8,
    };
    Q_DECLARE_FLAGS(Aspects, Aspect)

    explicit FleetState(QObject *parent = nullptr);
    FleetState(ClockFunction clock, QObject *parent = nullptr);

    // `label`: how the inventory names the endpoint, shown until hello names the node.
    void addNode(const QString &endpoint, const QString &label = {});
    void removeNode(const QString &endpoint);
    void setLink(const QString &endpoint, const LinkStatus &link);
    void setHello(const QString &endpoint, const HelloReply &hello);
    void setStatus(const QString &endpoint, const AgentStatus &status);
    // Samples in time order; the last one is kept.
    void addSamples(const QString &endpoint, const QList<SamplePoint> &samples);

    bool contains(const QString &endpoint) const { return m_nodes.contains(endpoint); }
    const NodeSnapshot *node(const QString &endpoint) const;
    const NodeFacts *facts(const QString &endpoint) const;
    QStringList endpoints() const; // sorted
    QStringList regions() const;   // sorted; "" for nodes not yet named by hello
    QStringList endpointsIn(const QString &region) const; // sorted
    QList<NodeFacts> factsIn(const QString &region) const;
    // Other endpoints whose hello names the same node in the same region: flagged, never
    // merged, since they may be two paths to one box or a copied configuration.
    QStringList sameNodeAs(const QString &endpoint) const;
    const PrefixCensus &census() const;
    // Bumped whenever the census may have changed (routes, reachability, membership).
    quint64 censusRevision() const { return m_censusRevision; }
    Clock::time_point now() const { return m_clock(); }

signals:
    void nodeAdded(const QString &endpoint);
    void nodeRemoved(const QString &endpoint, const QString &region);
    void nodeChanged(const QString &endpoint, anycast::FleetState::Aspects aspects);

private:
    NodeSnapshot *find(const QString &endpoint);
    void changed(const QString &endpoint, Aspects aspects);
    void index(const NodeSnapshot &node);
    void unindex(const NodeSnapshot &node);

    ClockFunction m_clock;
    QHash<QString, NodeSnapshot> m_nodes;
    QHash<QString, NodeFacts> m_facts;
    // Looked up on every update of every node: kept, not searched.
    QMap<QString, QSet<QString>> m_byRegion;    // region -> endpoints
    QHash<QString, QSet<QString>> m_byIdentity; // "node\nregion" -> endpoints
    mutable PrefixCensus m_census;
    mutable bool m_censusStale = true;
    quint64 m_censusRevision = 0;
};

} // namespace anycast

Q_DECLARE_OPERATORS_FOR_FLAGS(anycast::FleetState::Aspects)
