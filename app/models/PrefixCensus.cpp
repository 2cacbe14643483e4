#include "app/models/PrefixCensus.h"

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
    for (auto it = census.m_holders.begin(); it != census.m_holders.end(); ++it) {
        std::sort(it->begin(), it->end(), [](const PrefixHolder &a, const PrefixHolder &b) {
            return std::tie(a.node, a.endpoint) < std::tie(b.node, b.endpoint);
        });
        PrefixTally &fleet = census.m_tallies[it.key()];
        QMap<QString, PrefixTally> &regions = census.m_regionTallies[it.key()];
        for (const PrefixHolder &holder : std::as_const(*it)) {
            fleet.add(holder.presence);
            regions[holder.region].add(holder.presence);
        }
    }
    return census;
}

const QList<PrefixHolder> &PrefixCensus::holders(const QString &prefix) const
{
    static const QList<PrefixHolder> none;
    const auto it = m_holders.constFind(prefix);
    return it == m_holders.cend() ? none : *it;
}

PrefixTally PrefixCensus::tally(const QString &prefix, const QString &region) const
{
    const auto it = m_regionTallies.constFind(prefix);
    return it == m_regionTallies.cend() ? PrefixTally() : it->value(region);
}

} // namespace anycast
