#include "tests/lab/bgp/GobgpJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace anycast::lab {

namespace {

// BGP path attribute type codes (RFC 4271, RFC 1997).
constexpr int AsPathAttribute = 2;
constexpr int NextHopAttribute = 3;
constexpr int MedAttribute = 4;
constexpr int CommunitiesAttribute = 8;

RibRoute parsePath(const QString &prefix, const QJsonObject &path)
{
    RibRoute route;
    route.prefix = prefix;
    route.best = path.value(QStringLiteral("best")).toBool();
    route.neighbor = path.value(QStringLiteral("neighbor-ip")).toString();
    const QJsonArray attributes = path.value(QStringLiteral("attrs")).toArray();
    for (const QJsonValue &value : attributes) {
        const QJsonObject attribute = value.toObject();
        switch (attribute.value(QStringLiteral("type")).toInt()) {
        case AsPathAttribute:
            for (const QJsonValue &segment :
                 attribute.value(QStringLiteral("as_paths")).toArray()) {
                const QJsonArray asns = segment.toObject().value(QStringLiteral("asns")).toArray();
                for (const QJsonValue &asn : asns)
                    route.asPath.append(static_cast<quint32>(asn.toInteger()));
            }
            break;
        case NextHopAttribute:
            route.nextHop = attribute.value(QStringLiteral("nexthop")).toString();
            break;
        case MedAttribute:
            route.med = static_cast<quint32>(attribute.value(QStringLiteral("metric")).toInteger());
            break;
        case CommunitiesAttribute:
            for (const QJsonValue &community :
                 attribute.value(QStringLiteral("communities")).toArray())
                route.communities.append(
                    communityText(static_cast<quint32>(community.toInteger())));
            break;
        default:
            break;
        }
    }
    return route;
}

QString sessionStateName(const QJsonValue &value)
{
    // Newer clients may print the enum by name; accept both spellings.
    if (value.isString())
        return value.toString().toLower().remove(QStringLiteral("session_state_"));
    static const char *const names[] = {"unknown",  "idle",        "connect",    "active",
                                        "opensent", "openconfirm", "established"};
    const int index = value.toInt(0);
    return index >= 0 && index < 7 ? QString::fromLatin1(names[index]) : QStringLiteral("unknown");
}

} // namespace

QString communityText(quint32 value)
{
    return QStringLiteral("%1:%2").arg(value >> 16).arg(value & 0xffff);
}

std::optional<QList<RibRoute>> parseGobgpRib(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    QList<RibRoute> routes;
    const QJsonObject table = document.object();
    for (auto it = table.begin(); it != table.end(); ++it) {
        if (!it.value().isArray())
            return std::nullopt;
        for (const QJsonValue &path : it.value().toArray())
            routes.append(parsePath(it.key(), path.toObject()));
    }
    return routes;
}

std::optional<QMap<QString, QString>> parseGobgpNeighborStates(const QByteArray &json)
{
    // Zero neighbors may print as "null" rather than "[]".
    if (json.trimmed() == "null")
        return QMap<QString, QString>{};
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    QMap<QString, QString> states;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject neighbor = value.toObject();
        const QJsonObject state = neighbor.value(QStringLiteral("state")).toObject();
        QString address = state.value(QStringLiteral("neighbor_address")).toString();
        if (address.isEmpty()) {
            address = neighbor.value(QStringLiteral("conf"))
                          .toObject()
                          .value(QStringLiteral("neighbor_address"))
                          .toString();
        }
        states.insert(address, sessionStateName(state.value(QStringLiteral("session_state"))));
    }
    return states;
}

} // namespace anycast::lab
