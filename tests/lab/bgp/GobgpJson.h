#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace anycast::lab {

// One path of the GoBGP RIB, as `gobgp -j global rib` prints it, with the attributes the
// anycast tests look at decoded into plain values.
struct RibRoute
{
    QString prefix;
    QString nextHop;
    std::optional<quint32> med;
    QList<quint32> asPath;   // every segment flattened, in order
    QStringList communities; // "high:low"
    QString neighbor;        // the peer the path came from
    bool best = false;
};

// GoBGP 3.10 prints {"<prefix>": [path, ...], ...} (`{}` when empty); each path carries
// attrs [{"type": 2, "as_paths": [{"segment_type", "asns"}]}, {"type": 3, "nexthop"},
// {"type": 4, "metric"}, {"type": 8, "communities": [uint32]}] and "neighbor-ip".
// nullopt when the text is not that shape.
std::optional<QList<RibRoute>> parseGobgpRib(const QByteArray &json);

// `gobgp -j neighbor` prints a list of peers; state.session_state is the apipb enum as a
// number (1 idle ... 6 established), left out while it is 0 (unknown). Returns neighbor
// address -> lower-case state name ("idle", "active", "established" ...).
std::optional<QMap<QString, QString>> parseGobgpNeighborStates(const QByteArray &json);

// "65001:100" for 65001 << 16 | 100: the form ExaBGP configs and the bridge use.
QString communityText(quint32 value);

} // namespace anycast::lab
