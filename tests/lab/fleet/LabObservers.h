#pragma once

#include "tests/lab/bgp/GobgpJson.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace anycast::labtest {

// One node of a running lab, as lab.json records it.
struct LabNode
{
    QString name;
    QString address;
    QString apiSocket;
    quint16 httpPort = 0;
    quint16 servicePort = 0;
};

QList<LabNode> labNodes(const QJsonObject &labState);

// The upstream's RIB through `gobgp -j global rib` on its API port.
std::optional<QList<lab::RibRoute>> upstreamRib(quint16 apiPort, QString *error);

// The agent's `status` through its API socket (JSON-RPC, one line each way).
std::optional<QJsonObject> agentStatus(const QString &apiSocket, QString *error);

// Leftovers after `scripts/lab down`: recorded processes that still run (same pid and the
// same start time), processes whose working directory or command line points into `dir`,
// and endpoints that still have a LISTEN socket. Each entry is a readable description.
QStringList recordedProcessesAlive(const QJsonObject &labState);
QStringList processesPointingInto(const QString &dir);
QList<QPair<QString, quint16>> labEndpoints(const QJsonObject &labState);
QStringList listening(const QList<QPair<QString, quint16>> &endpoints);

} // namespace anycast::labtest
