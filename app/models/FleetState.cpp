#include "FleetState.h"

#include <QSet>

namespace anycast {

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

void FleetState::addNode(const QString &endpoint)
{
    if (m_nodes.contains(endpoint))
        return;
    NodeSnapshot node;
    node.endpoint = endpoint;
    m_nodes.insert(endpoint, node);
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
    node->hello = hello;
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
    QSet<QString> regions;
    for (const NodeSnapshot &node : m_nodes)
        regions.insert(node.region());
    QStringList sorted(regions.begin(), regions.end());
    sorted.sort();
    return sorted;
}

QStringList FleetState::endpointsIn(const QString &region) const
{
    QStringList keys;
    for (const NodeSnapshot &node : m_nodes) {
        if (node.region() == region)
            keys.append(node.endpoint);
    }
    keys.sort();
    return keys;
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
    QStringList others;
    for (const NodeSnapshot &other : m_nodes) {
        if (other.endpoint != endpoint && other.hello && other.hello->node == me->hello->node &&
            other.hello->region == me->hello->region)
            others.append(other.endpoint);
    }
    others.sort();
    return others;
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
