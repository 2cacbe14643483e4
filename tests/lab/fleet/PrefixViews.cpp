#include "tests/lab/fleet/PrefixViews.h"

#include <QJsonArray>

#include <algorithm>

namespace anycast::labtest {

namespace {

QString describe(const Announcement &announcement)
{
    QStringList path;
    for (quint32 asn : announcement.asPath)
        path.append(QString::number(asn));
    return QStringLiteral("%1 med %2 community [%3] as-path [%4]")
        .arg(announcement.state,
             announcement.med ? QString::number(*announcement.med) : QStringLiteral("none"),
             announcement.communities.join(u' '), path.join(u' '));
}

bool sameAttributes(const Announcement &left, const Announcement &right)
{
    return left.med == right.med && left.communities == right.communities &&
           left.asPath == right.asPath;
}

} // namespace

PrefixView ribView(const QList<lab::RibRoute> &routes, const QMap<QString, QString> &nodeByAddress,
                   QStringList *strangers)
{
    PrefixView view;
    for (const lab::RibRoute &route : routes) {
        if (!nodeByAddress.contains(route.neighbor)) {
            if (strangers)
                strangers->append(route.prefix + QStringLiteral(" from ") + route.neighbor);
            continue;
        }
        QStringList communities = route.communities;
        communities.sort();
        view.insert({route.prefix, nodeByAddress.value(route.neighbor)},
                    {QStringLiteral("in the RIB"), route.med, communities, route.asPath});
    }
    return view;
}

PrefixView agentView(const QMap<QString, QJsonObject> &statusByNode, quint32 localAs)
{
    PrefixView view;
    for (auto node = statusByNode.begin(); node != statusByNode.end(); ++node) {
        for (const QJsonValue &service : node.value().value(QStringLiteral("services")).toArray()) {
            for (const QJsonValue &value :
                 service.toObject().value(QStringLiteral("routes")).toArray()) {
                const QJsonObject route = value.toObject();
                const QString state = route.value(QStringLiteral("state")).toString();
                if (state == QStringLiteral("withdrawn"))
                    continue;
                Announcement announcement;
                announcement.state = state;
                if (route.contains(QStringLiteral("med")))
                    announcement.med =
                        static_cast<quint32>(route.value(QStringLiteral("med")).toInteger());
                for (const QJsonValue &community :
                     route.value(QStringLiteral("communities")).toArray())
                    announcement.communities.append(community.toString());
                announcement.communities.sort();
                const int prepends = route.value(QStringLiteral("as_path_prepend")).toInt();
                for (int i = 0; i <= prepends; ++i)
                    announcement.asPath.append(localAs);
                view.insert({route.value(QStringLiteral("prefix")).toString(), node.key()},
                            announcement);
            }
        }
    }
    return view;
}

QStringList differences(const PrefixView &left, const QString &leftName, const PrefixView &right,
                        const QString &rightName)
{
    QStringList found;
    QList<QPair<QString, QString>> keys = left.keys() + right.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto &key : keys) {
        const QString where =
            key.first + QStringLiteral(" at ") + key.second + QStringLiteral(": ");
        if (!left.contains(key)) {
            found.append(where + QStringLiteral("%1 has nothing, %2 has %3")
                                     .arg(leftName, rightName, describe(right.value(key))));
        } else if (!right.contains(key)) {
            found.append(where + QStringLiteral("%1 has %2, %3 has nothing")
                                     .arg(leftName, describe(left.value(key)), rightName));
        } else if (!sameAttributes(left.value(key), right.value(key))) {
            found.append(where + QStringLiteral("%1 has %2, %3 has %4")
                                     .arg(leftName, describe(left.value(key)), rightName,
                                          describe(right.value(key))));
        }
    }
    return found;
}

PrefixView consoleView(const QJsonObject &dump)
{
    PrefixView view;
    const QJsonObject prefixes = dump.value(QStringLiteral("prefixes")).toObject();
    for (auto prefix = prefixes.begin(); prefix != prefixes.end(); ++prefix) {
        const QJsonObject routes = prefix.value().toObject();
        for (auto route = routes.begin(); route != routes.end(); ++route) {
            const QString state = route.value().toString();
            if (state == QStringLiteral("withdrawn") || state == QStringLiteral("unknown"))
                continue;
            Announcement announcement;
            announcement.state = state;
            view.insert(qMakePair(prefix.key(), route.key()), announcement);
        }
    }
    return view;
}

QStringList stateDifferences(const PrefixView &left, const QString &leftName,
                             const PrefixView &right, const QString &rightName)
{
    QStringList found;
    QList<QPair<QString, QString>> keys = left.keys() + right.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto &key : keys) {
        const QString leftState =
            left.contains(key) ? left.value(key).state : QStringLiteral("nothing");
        const QString rightState =
            right.contains(key) ? right.value(key).state : QStringLiteral("nothing");
        if (leftState != rightState)
            found.append(
                QStringLiteral("%1 at %2: %3 has %4, %5 has %6")
                    .arg(key.first, key.second, leftName, leftState, rightName, rightState));
    }
    return found;
}

QMap<QString, QStringList> announcersByPrefix(const PrefixView &view)
{
    QMap<QString, QStringList> announcers;
    for (auto it = view.begin(); it != view.end(); ++it)
        announcers[it.key().first].append(it.key().second);
    for (QStringList &nodes : announcers)
        nodes.sort();
    return announcers;
}

} // namespace anycast::labtest
