#pragma once

#include <QCoreApplication>
#include <QString>

namespace anycast {

class FleetState;

// The detail panel's text for a region, a node or a service: the facts the fleet already
// holds, as plain lines an engineer can read aloud and copy into a ticket. Every state is a
// word; nothing relies on colour. Pure: reads the fleet, keeps nothing.
class FleetDetails final
{
    Q_DECLARE_TR_FUNCTIONS(anycast::FleetDetails)

public:
    static QString region(const FleetState &fleet, const QString &region);
    static QString node(const FleetState &fleet, const QString &endpoint);
    static QString service(const FleetState &fleet, const QString &endpoint,
                           const QString &service);
};

} // namespace anycast
