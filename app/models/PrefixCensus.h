#pragma once

#include "app/models/NodeFacts.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>

#include <array>

namespace anycast {

// One node's route for one prefix, as the census lists it.
struct PrefixHolder
{
    QString endpoint;
    QString node;
    QString region;
    QString service;
    PrefixPresence presence = PrefixPresence::Unknown;
    bool byOperator = false;
    QString reason;

    bool operator==(const PrefixHolder &) const = default;
};

// "N of M nodes announcing": M counts every node known to serve the prefix (reachable or
// not), N those whose route attracts traffic now; unknown ones are counted apart, since an
// unreachable node is neither announcing nor withdrawn as far as we know.
struct PrefixTally
{
    int total = 0;
    std::array<int, kPrefixPresenceCount> byPresence{};

    int announcing() const;
    int unknown() const { return byPresence[static_cast<int>(PrefixPresence::Unknown)]; }
    // Announced by some, but fewer than could (those known).
    bool lostRedundancy() const { return announcing() > 0 && announcing() < total - unknown(); }
    int count(PrefixPresence presence) const { return byPresence[static_cast<int>(presence)]; }
    // The best route among the holders (Unknown when none is known).
    PrefixPresence best() const;
    void add(PrefixPresence presence);

    bool operator==(const PrefixTally &) const = default;
};

// Which nodes announce which prefix across the fleet, from every node's facts. Pure; the
// fleet tree's "N of M" and the prefix model both read it, so they never disagree.
class PrefixCensus
{
public:
    static PrefixCensus of(const QList<NodeFacts> &nodes);

    QStringList prefixes() const { return m_holders.keys(); }
    // Holders in node-name order (an empty list for a prefix nobody serves).
    const QList<PrefixHolder> &holders(const QString &prefix) const;
    // Counted once when the census is taken: the trees ask for these on every row.
    PrefixTally tally(const QString &prefix) const { return m_tallies.value(prefix); }
    PrefixTally tally(const QString &prefix, const QString &region) const;
    // Regions that serve the prefix, sorted.
    QStringList regions(const QString &prefix) const
    {
        return m_regionTallies.value(prefix).keys();
    }

    bool operator==(const PrefixCensus &other) const { return m_holders == other.m_holders; }

private:
    QMap<QString, QList<PrefixHolder>> m_holders;
    QHash<QString, PrefixTally> m_tallies;
    QHash<QString, QMap<QString, PrefixTally>> m_regionTallies; // prefix -> region -> tally
};

} // namespace anycast
