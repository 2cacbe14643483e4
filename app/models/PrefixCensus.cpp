#include "PrefixCensus.h"

#include <QSet>

#include <algorithm>

namespace anycast {

int PrefixTally::announcing() const
{
    return count(PrefixPresence::Announced) + count(PrefixPresence::DePreferred) +
           count(PrefixPresence::Draining);
}

PrefixPresence PrefixTally::best() const
{
    for (int i = 0; i < kPrefixPresenceCount; ++i) {
        if (byPresence[i] > 0)
            return static_cast<PrefixPresence>(i);
    }
    return PrefixPresence::Unknown;
}

void PrefixTally::add(PrefixPresence presence)
{
    ++total;
    ++byPresence[static_cast<int>(presence)];
}

PrefixCensus PrefixCensus::of(const QList<NodeFacts> &nodes)
{
    PrefixCensus census;
    for (const NodeFacts &node : nodes) {
        // A prefix a node announces for two services is one route on the wire: keep its
        // best state.
        QMap<QString, PrefixHolder> mine;
        for (const NodePrefixFact &fact : node.prefixes) {
            PrefixHolder holder{node.endpoint, node.name,       node.region, fact.service,
                                fact.presence, fact.byOperator, fact.reason};
            const auto it = mine.find(fact.prefix);
            if (it == mine.end())
                mine.insert(fact.prefix, holder);
            else if (betterPresence(it->presence, fact.presence) != it->presence)
                *it = holder;
        }
        for (auto it = mine.cbegin(); it != mine.cend(); ++it)
            census.m_holders[it.key()].append(it.value());
    }
    for (auto &holders : census.m_holders) {
        std::sort(holders.begin(), holders.end(), [](const PrefixHolder &a, const PrefixHolder &b) {
            return std::tie(a.node, a.endpoint) < std::tie(b.node, b.endpoint);
        });
    }
    return census;
}

PrefixTally PrefixCensus::tally(const QString &prefix) const
{
    PrefixTally tally;
    for (const PrefixHolder &holder : m_holders.value(prefix))
        tally.add(holder.presence);
    return tally;
}

PrefixTally PrefixCensus::tally(const QString &prefix, const QString &region) const
{
    PrefixTally tally;
    for (const PrefixHolder &holder : m_holders.value(prefix)) {
        if (holder.region == region)
            tally.add(holder.presence);
    }
    return tally;
}

QStringList PrefixCensus::regions(const QString &prefix) const
{
    QSet<QString> regions;
    for (const PrefixHolder &holder : m_holders.value(prefix))
        regions.insert(holder.region);
    QStringList sorted(regions.begin(), regions.end());
    sorted.sort();
    return sorted;
}

} // namespace anycast
