#include "tests/lab/fleet/LabObservers.h"

#include "tests/lab/bgp/LabSystem.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QSet>
#include <QtEndian>

#include <unistd.h>

namespace anycast::labtest {

namespace {

constexpr int ReplyTimeoutMs = 10000;

QList<QByteArray> statFields(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    // The command name in parentheses may contain spaces; the fields after the last ')' do not.
    return stat.mid(stat.lastIndexOf(')') + 2).split(' ');
}

QString hexEndpoint(const QString &address, quint16 port)
{
    const quint32 host = QHostAddress(address).toIPv4Address();
    // /proc/net/tcp prints the address as the raw 32-bit word, in host (little-endian) order.
    const quint32 raw = qToBigEndian(host);
    return QStringLiteral("%1:%2")
        .arg(raw, 8, 16, QLatin1Char('0'))
        .arg(port, 4, 16, QLatin1Char('0'))
        .toUpper();
}

} // namespace

QList<LabNode> labNodes(const QJsonObject &labState)
{
    QList<LabNode> nodes;
    const QJsonObject byName = labState.value(QStringLiteral("nodes")).toObject();
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        const QJsonObject node = it.value().toObject();
        nodes.append({it.key(), node.value(QStringLiteral("address")).toString(),
                      node.value(QStringLiteral("api_socket")).toString(),
                      static_cast<quint16>(node.value(QStringLiteral("http_port")).toInt()),
                      static_cast<quint16>(node.value(QStringLiteral("service_port")).toInt())});
    }
    return nodes;
}

std::optional<QList<lab::RibRoute>> upstreamRib(quint16 apiPort, QString *error)
{
    QProcess gobgp;
    gobgp.start(QStringLiteral("gobgp"),
                {QStringLiteral("-u"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                 QString::number(apiPort), QStringLiteral("-j"), QStringLiteral("global"),
                 QStringLiteral("rib")});
    if (!gobgp.waitForFinished(ReplyTimeoutMs) || gobgp.exitCode() != 0) {
        gobgp.kill();
        gobgp.waitForFinished(1000);
        *error = QStringLiteral("gobgp global rib failed: ") +
                 QString::fromUtf8(gobgp.readAllStandardError());
        return std::nullopt;
    }
    const QByteArray output = gobgp.readAllStandardOutput();
    auto routes = lab::parseGobgpRib(output);
    if (!routes)
        *error = QStringLiteral("unexpected RIB JSON: ") + QString::fromUtf8(output);
    return routes;
}

std::optional<QJsonObject> agentStatus(const QString &apiSocket, QString *error)
{
    QLocalSocket socket;
    socket.connectToServer(apiSocket);
    if (!socket.waitForConnected(ReplyTimeoutMs)) {
        *error = apiSocket + QStringLiteral(": ") + socket.errorString();
        return std::nullopt;
    }
    socket.write(R"({"jsonrpc":"2.0","id":1,"method":"status","params":{}})"
                 "\n");
    QElapsedTimer timer;
    timer.start();
    while (!socket.canReadLine() && timer.elapsed() < ReplyTimeoutMs &&
           socket.state() == QLocalSocket::ConnectedState)
        socket.waitForReadyRead(100);
    const QJsonObject reply = QJsonDocument::fromJson(socket.readLine()).object();
    if (!reply.value(QStringLiteral("result")).isObject()) {
        *error = apiSocket + QStringLiteral(": no status result: ") +
                 QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));
        return std::nullopt;
    }
    return reply.value(QStringLiteral("result")).toObject();
}

QStringList recordedProcessesAlive(const QJsonObject &labState)
{
    QStringList alive;
    for (const QJsonValue &value : labState.value(QStringLiteral("processes")).toArray()) {
        const QJsonObject entry = value.toObject();
        const qint64 pid = entry.value(QStringLiteral("pid")).toInteger();
        const QList<QByteArray> fields = statFields(pid);
        if (fields.size() > 19 && fields[0] != "Z" &&
            fields[19].toLongLong() == entry.value(QStringLiteral("start_time")).toInteger())
            alive.append(QStringLiteral("%1 (pid %2)")
                             .arg(entry.value(QStringLiteral("name")).toString())
                             .arg(pid));
    }
    return alive;
}

QStringList processesPointingInto(const QString &dir)
{
    QStringList found;
    const QString root = QDir(dir).canonicalPath();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == ::getpid())
            continue;
        const QList<QByteArray> fields = statFields(pid);
        if (fields.isEmpty() || fields[0] == "Z")
            continue;
        const QString cwd = QFileInfo(QStringLiteral("/proc/%1/cwd").arg(pid)).symLinkTarget();
        const QString commandLine = lab::commandLineOf(pid);
        if (cwd == root || cwd.startsWith(root + u'/') || commandLine.contains(root))
            found.append(QStringLiteral("pid %1: %2").arg(pid).arg(commandLine));
    }
    return found;
}

QList<QPair<QString, quint16>> labEndpoints(const QJsonObject &labState)
{
    QList<QPair<QString, quint16>> endpoints;
    const auto sshPort = static_cast<quint16>(
        labState.value(QStringLiteral("ssh")).toObject().value(QStringLiteral("port")).toInt());
    for (const LabNode &node : labNodes(labState))
        endpoints += {{node.address, node.httpPort},
                      {node.address, node.servicePort},
                      {node.address, sshPort}};
    const QJsonObject upstream = labState.value(QStringLiteral("upstream")).toObject();
    for (const QString &key : {QStringLiteral("bgp_port"), QStringLiteral("api_port")})
        endpoints.append(
            {QStringLiteral("127.0.0.1"), static_cast<quint16>(upstream.value(key).toInt())});
    return endpoints;
}

QStringList listening(const QList<QPair<QString, quint16>> &endpoints)
{
    QFile file(QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("/proc/net/tcp unreadable")};
    QSet<QString> listeners;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // sl local_address rem_address st ...; state 0A is LISTEN.
        if (fields.size() > 3 && fields[3] == "0A")
            listeners.insert(QString::fromLatin1(fields[1]));
    }
    QStringList found;
    for (const auto &[address, port] : endpoints) {
        if (listeners.contains(hexEndpoint(address, port)) ||
            listeners.contains(hexEndpoint(QStringLiteral("0.0.0.0"), port)))
            found.append(QStringLiteral("%1:%2").arg(address).arg(port));
    }
    return found;
}

} // namespace anycast::labtest
