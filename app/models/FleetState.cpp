#include "app/models/FleetState.h"

namespace anycast {
namespace {

QString identityOf(const NodeSnapshot &node)
{
    return node.hello ? node.hello->node + QLatin1Char('\n') + node.hello->region : QString();
}

QStringList sorted(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

} // namespace

FleetState::FleetState(QObject *parent)
    : FleetState([] { return Clock::now(); }, parent)
{}

FleetState::FleetState(ClockFunction clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
{}

NodeSnapshot *FleetState::find(const QString &endpoint)
{
    const auto it = m_nodes.find(endpoint);
    return it == m_nodes.end() ? nullptr : &it.value();
}

const NodeSnapshot *FleetState::node(const QString &endpoint) const
{
    const auto it = m_nodes.constFind(endpoint);
    return it == m_nodes.cend() ? nullptr : &it.value();
}

const NodeFacts *FleetState::facts(const QString &endpoint) const
{
    const auto it = m_facts.constFind(endpoint);
    return it == m_facts.cend() ? nullptr : &it.value();
}

void FleetState::index(const NodeSnapshot &node)
{
    m_byRegion[node.region()].insert(node.endpoint);
    if (node.hello)
        m_byIdentity[identityOf(node)].insert(node.endpoint);
}

void FleetState::unindex(const NodeSnapshot &node)
{
    const auto region = m_byRegion.find(node.region());
    if (region != m_byRegion.end()) {
        region->remove(node.endpoint);
        if (region->isEmpty())
            m_byRegion.erase(region);
    }
    const auto identity = m_byIdentity.find(identityOf(node));
    if (node.hello && identity != m_byIdentity.end()) {
        identity->remove(node.endpoint);
        if (identity->isEmpty())
            m_byIdentity.erase(identity);
    }
}

void FleetState::addNode(const QString &endpoint, const QString &label)
{
    if (m_nodes.contains(endpoint))
        return;
    NodeSnapshot node;
    node.endpoint = endpoint;
    node.label = label;
    m_nodes.insert(endpoint, node);
    index(node);
    m_facts.insert(endpoint, NodeFacts::of(node));
    m_censusStale = true;
    ++m_censusRevision;
    emit nodeAdded(endpoint);
}

void FleetState::removeNode(const QString &endpoint)
{
    const auto it = m_nodes.find(endpoint);
    if (it == m_nodes.end())
        return;
    const QString region = it->region();
    unindex(*it);
    m_nodes.erase(it);
    m_facts.remove(endpoint);
    m_censusStale = true;
    ++m_censusRevision;
    emit nodeRemoved(endpoint, region);
}

void FleetState::changed(const QString &endpoint, Aspects aspects)
{
    const NodeFacts facts = NodeFacts::of(m_nodes.value(endpoint));
    NodeFacts &known = m_facts[endpoint];
    // Samples change health words every second; the census only cares about routes.
    if (known.prefixes != facts.prefixes || known.region != facts.region ||
        known.name != facts.name || known.reachable != facts.reachable) {
        m_censusStale = true;
        ++m_censusRevision;
    }
    known = facts;
    emit nodeChanged(endpoint, aspects);
}

void FleetState::setLink(const QString &endpoint, const LinkStatus &link)
{
    NodeSnapshot *node = find(endpoint);
    if (!node || node->link == link)
        return;
    node->link = link;
    changed(endpoint, LinkAspect);
}

void FleetState::setHello(const QString &endpoint, const HelloReply &hello)
{
    NodeSnapshot *node = find(endpoint);
    if (!node)
        return;
    const bool sameAgent =
        node->hello && node->hello->node == hello.node && node->hello->region == hello.region;
    unindex(*node);
    node->hello = hello;
    index(*node);
    if (!sameAgent) {
        // What we held belongs to whoever answered here before.
        node->status.reset();
        node->lastSample.reset();
        node->lastSampleAt.reset();
    }
    changed(endpoint, IdentityAspect | StatusAspect | SampleAspect);
}

void FleetState::setStatus(const QString &endpoint, const AgentStatus &status)
{
    NodeSnapshot *node = find(endpoint);
    if (!node || node->status == status)
        return;
    node->status = status;
    changed(endpoint, StatusAspect);
}

void FleetState::addSamples(const QString &endpoint, const QList<SamplePoint> &samples)
{
    NodeSnapshot *node = find(endpoint);
    if (!node || samples.isEmpty())
        return;
    node->lastSample = samples.last();
    node->lastSampleAt = m_clock();
    changed(endpoint, SampleAspect);
}

QStringList FleetState::endpoints() const
{
    QStringList keys = m_nodes.keys();
    keys.sort();
    return keys;
}

QStringList FleetState::regions() const
{
    return m_byRegion.keys();
}

QStringList FleetState::endpointsIn(const QString &region) const
{
    return sorted(m_byRegion.value(region));
}

QList<NodeFacts> FleetState::factsIn(const QString &region) const
{
    QList<NodeFacts> facts;
    for (const QString &endpoint : endpointsIn(region))
        facts.append(m_facts.value(endpoint));
    return facts;
}

QStringList FleetState::sameNodeAs(const QString &endpoint) const
{
    const NodeSnapshot *me = node(endpoint);
    if (!me || !me->hello)
        return {};
    QSet<QString> others = m_byIdentity.value(identityOf(*me));
    others.remove(endpoint);
    return sorted(others);
}

const PrefixCensus &FleetState::census() const
{
    if (m_censusStale) {
        QList<NodeFacts> all;
        all.reserve(m_facts.size());
        for (const NodeFacts &facts : m_facts)
            all.append(facts);
        m_census = PrefixCensus::of(all);
        m_censusStale = false;
    }
    return m_census;
}

} // namespace anycast
