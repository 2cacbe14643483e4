#include "PeerStatus.h"

#include "StrictJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace anycast {
namespace {

Result<PeerStatus> failure(const QString &message)
{
    return Result<PeerStatus>::failure(message);
}

// Absent reads as empty; present with another type is an error.
std::optional<QString> optionalString(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

// Adds the service's routes to `status.announced`; an error message, or empty.
QString readRoutes(const QJsonObject &service, const QString &path, PeerStatus &status)
{
    const QJsonValue routes = service.value(QStringLiteral("routes"));
    if (routes.isUndefined() || routes.isNull())
        return {};
    if (!routes.isArray())
        return QStringLiteral("%1.routes: expected an array").arg(path);
    const QJsonArray array = routes.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString routePath = QStringLiteral("%1.routes[%2]").arg(path).arg(i);
        if (!array.at(i).isObject())
            return QStringLiteral("%1: expected an object").arg(routePath);
        const QJsonObject route = array.at(i).toObject();
        const QJsonValue prefix = route.value(QStringLiteral("prefix"));
        const QJsonValue state = route.value(QStringLiteral("state"));
        if (!prefix.isString() || prefix.toString().isEmpty())
            return QStringLiteral("%1.prefix: expected a non-empty string").arg(routePath);
        if (!state.isString() || state.toString().isEmpty())
            return QStringLiteral("%1.state: expected a non-empty string").arg(routePath);
        // A state this version does not know (a newer peer) is still a route in the table:
        // only an explicit withdrawal means the peer does not carry the prefix.
        const bool announced = state.toString() != QLatin1String("withdrawn");
        bool &entry = status.announced[prefix.toString()];
        entry = entry || announced;
    }
    return {};
}

// The service's probe result; an error message, or empty.
QString readProbe(const QJsonObject &service, const QString &path, PeerServiceStatus &result)
{
    const QJsonValue probe = service.value(QStringLiteral("probe"));
    if (probe.isUndefined() || probe.isNull())
        return {};
    if (!probe.isObject())
        return QStringLiteral("%1.probe: expected an object").arg(path);
    const QJsonValue ok = probe.toObject().value(QStringLiteral("ok"));
    if (!ok.isBool())
        return QStringLiteral("%1.probe.ok: expected true or false").arg(path);
    result.probeOk = ok.toBool();
    return {};
}

} // namespace

Result<PeerStatus> parsePeerStatus(const QByteArray &body)
{
    if (body.size() > kMaxPeerStatusBytes) {
        return failure(QStringLiteral("status body of %1 bytes exceeds the %2 byte limit")
                           .arg(body.size())
                           .arg(kMaxPeerStatusBytes));
    }
    const StrictJsonResult parsed = StrictJson::parseObject(body);
    if (!parsed.ok())
        return failure(QStringLiteral("not JSON %1").arg(parsed.problem->toString()));
    const QJsonObject root = parsed.document.object();

    PeerStatus status;
    const std::optional<QString> node = optionalString(root, QStringLiteral("node"));
    if (!node)
        return failure(QStringLiteral("node: expected a string"));
    const std::optional<QString> region = optionalString(root, QStringLiteral("region"));
    if (!region)
        return failure(QStringLiteral("region: expected a string"));
    status.node = *node;
    status.region = *region;

    const QJsonValue services = root.value(QStringLiteral("services"));
    if (!services.isArray())
        return failure(QStringLiteral("services: expected an array"));
    const QJsonArray array = services.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("services[%1]").arg(i);
        if (!array.at(i).isObject())
            return failure(QStringLiteral("%1: expected an object").arg(path));
        const QJsonObject service = array.at(i).toObject();
        const QJsonValue name = service.value(QStringLiteral("name"));
        if (!name.isString() || name.toString().isEmpty())
            return failure(QStringLiteral("%1.name: expected a non-empty string").arg(path));
        // Two entries under one name would make "the peer's probe of X" ambiguous.
        if (status.services.contains(name.toString())) {
            return failure(
                QStringLiteral("%1.name: service '%2' listed twice").arg(path, name.toString()));
        }
        PeerServiceStatus result;
        const std::optional<QString> health = optionalString(service, QStringLiteral("health"));
        if (!health)
            return failure(QStringLiteral("%1.health: expected a string").arg(path));
        result.health = *health;
        if (const QString error = readProbe(service, path, result); !error.isEmpty())
            return failure(error);
        if (const QString error = readRoutes(service, path, status); !error.isEmpty())
            return failure(error);
        status.services.insert(name.toString(), result);
    }
    return Result<PeerStatus>::success(std::move(status));
}

} // namespace anycast
