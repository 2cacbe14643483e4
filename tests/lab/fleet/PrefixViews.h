#pragma once

#include "tests/lab/bgp/GobgpJson.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace anycast::labtest {

// What one node announces for one prefix, as one observer sees it.
struct Announcement
{
    QString state; // the agent's word (announced, degraded, draining); "in the RIB" for GoBGP
    std::optional<quint32> med;
    QStringList communities; // sorted
    QList<quint32> asPath;
};

// One observer's answer to "which node announces which prefix, and how": (prefix, node) ->
// announcement. A withdrawn prefix has no entry. The upstream's RIB and the agents' status
// are two observers; the console's models are meant to become the third.
using PrefixView = QMap<QPair<QString, QString>, Announcement>;

// Paths from an address that is not a lab node go to `strangers` as "prefix from address".
PrefixView ribView(const QList<lab::RibRoute> &routes, const QMap<QString, QString> &nodeByAddress,
                   QStringList *strangers);

// From each node's `status` result; the AS path is what the agent sent: its AS once plus the
// prepends.
PrefixView agentView(const QMap<QString, QJsonObject> &statusByNode, quint32 localAs);

// From anycast-console's --dump-models: the routes its prefix model shows, in the agent's
// words (withdrawn and unknown routes have no entry). Attributes stay empty: the console
// shows states, not MEDs or paths.
PrefixView consoleView(const QJsonObject &dump);

// Every (prefix, node) where the two views differ in presence or state word, in words.
QStringList stateDifferences(const PrefixView &left, const QString &leftName,
                             const PrefixView &right, const QString &rightName);

// Every (prefix, node) where the two views differ, in words; empty when they agree.
QStringList differences(const PrefixView &left, const QString &leftName, const PrefixView &right,
                        const QString &rightName);

// prefix -> the nodes announcing it, sorted.
QMap<QString, QStringList> announcersByPrefix(const PrefixView &view);

} // namespace anycast::labtest
