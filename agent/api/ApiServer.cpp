#include "agent/api/ApiServer.h"

#include "agent/api/PeerCredentials.h"
#include "agent/api/SocketAccess.h"
#include "common/protocol/JsonRpcReply.h"
#include "common/protocol/JsonRpcRequest.h"
#include "common/protocol/ParamsReader.h"

#include <QJsonArray>
#include <QLocalSocket>

namespace anycast {
namespace {

const QStringList kTopics{QStringLiteral("sample"), QStringLiteral("event")};

} // namespace

ApiServer::ApiServer(ApiMethods &methods, QString operatorsGroup, QObject *parent)
    : QObject(parent)
    , m_methods(methods)
    , m_operatorsGroup(std::move(operatorsGroup))
{
    connect(&m_server, &QLocalServer::newConnection, this, &ApiServer::onNewConnection);
}

ApiServer::~ApiServer()
{
    close();
}

void ApiServer::close()
{
    // Deleted here, not by the event loop, which may have stopped for good: each client is
    // cut loose first so that its end reaches nothing of this object.
    for (auto &[socket, client] : m_clients) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
    m_clients.clear();
    m_server.close();
}

Result<SocketAccess> ApiServer::listen(const QString &path, const QString &socketGroup)
{
    m_server.setMaxPendingConnections(64);
    // The group decides who may connect at all; drain rights are checked per call.
    auto access = listenForGroup(m_server, path, socketGroup);
    if (!access)
        return access;
    if (!access->warning.isEmpty()) {
        emit logLine(QStringLiteral("api: WARNING: api_group: %1, so %2 stays owner-only: only "
                                    "root and the agent's own user can connect")
                         .arg(access->warning, path));
    }
    if (!groupId(m_operatorsGroup)) {
        emit logLine(QStringLiteral("api: WARNING: operators_group '%1' does not exist on this "
                                    "host: only root may drain and undrain")
                         .arg(m_operatorsGroup));
    }
    return access;
}

int ApiServer::clientsOf(uid_t uid) const
{
    int count = 0;
    for (const auto &[socket, client] : m_clients)
        count += client.caller.uid == uid ? 1 : 0;
    return count;
}

void ApiServer::refuse(QLocalSocket *socket, const RpcError &error)
{
    ++m_errors;
    socket->disconnect(this); // no longer a client: its end is nothing to this object
    socket->write(errorLine(QJsonValue(), error));
    socket->disconnectFromServer(); // after the error line is written
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
}

void ApiServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        auto caller = readPeerCredentials(static_cast<int>(socket->socketDescriptor()));
        if (!caller) {
            emit logLine(QStringLiteral("api: refusing a client: %1").arg(caller.error()));
            refuse(socket, {kInternalError, caller.error(), {}});
            continue;
        }
        if (clientCount() >= kMaxClients) {
            refuse(socket,
                   {kOverloaded,
                    QStringLiteral("too many clients (%1); try again later").arg(kMaxClients),
                    {}});
            continue;
        }
        // Root is never refused for being busy: an operator must be able to get in.
        if (caller->uid != 0 && clientsOf(caller->uid) >= kMaxClientsPerUser) {
            refuse(socket, {kOverloaded,
                            QStringLiteral("too many connections from user %1 (%2)")
                                .arg(caller->user)
                                .arg(kMaxClientsPerUser),
                            {}});
            continue;
        }
        caller->mayMutate = mayMutate(caller.value(), m_operatorsGroup);
        // Ours from here on: the listener deletes only the connections nobody took.
        socket->setParent(this);
        m_clients.emplace(socket, Client{caller.value(), {}, {}});
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] { forget(socket); });
    }
}

void ApiServer::forget(QLocalSocket *socket)
{
    if (m_clients.erase(socket) == 0)
        return;
    socket->disconnect(this);
    socket->deleteLater();
}

void ApiServer::onReadyRead(QLocalSocket *socket)
{
    auto found = m_clients.find(socket);
    if (found == m_clients.end())
        return;
    Client &client = found->second;
    client.partial += socket->readAll();
    qsizetype start = 0;
    for (qsizetype newline; (newline = client.partial.indexOf('\n', start)) >= 0;
         start = newline + 1) {
        if (newline - start > kMaxRequestLineBytes)
            break; // handled below as an oversize line
        handleLine(socket, client, QByteArrayView(client.partial).sliced(start, newline - start));
        if (!m_clients.contains(socket))
            return; // dropped while answering
    }
    client.partial.remove(0, start);
    // A line may never be longer than the limit, complete or not: the limit is what
    // bounds this buffer.
    const qsizetype newline = client.partial.indexOf('\n');
    if ((newline < 0 ? client.partial.size() : newline) > kMaxRequestLineBytes) {
        emit logLine(QStringLiteral("api: %1 (pid %2) sent a line over %3 bytes; disconnecting")
                         .arg(client.caller.user)
                         .arg(client.caller.pid)
                         .arg(kMaxRequestLineBytes));
        m_clients.erase(socket);
        refuse(socket, {kLineTooLong,
                        QStringLiteral("line longer than %1 bytes; closing the connection")
                            .arg(kMaxRequestLineBytes),
                        {}});
    }
}

void ApiServer::handleLine(QLocalSocket *socket, Client &client, QByteArrayView line)
{
    const ParsedRequestLine parsed = parseRequestLine(line);
    if (std::holds_alternative<BlankLine>(parsed))
        return;
    ++m_requests;
    if (const auto *failure = std::get_if<JsonRpcFailure>(&parsed)) {
        ++m_errors;
        send(socket, errorLine(failure->id, failure->error));
        return;
    }
    const JsonRpcRequest &request = std::get<JsonRpcRequest>(parsed);
    const ApiMethods::Reply reply =
        request.method == QLatin1String("subscribe")
            ? subscribe(client, request.params)
            : m_methods.call(request.method, request.params, client.caller);
    // Only methods that exist get a series of their own: clients cannot grow the map.
    const auto *error = std::get_if<RpcError>(&reply);
    ++m_requestsByMethod[error && error->code == kMethodNotFound ? QStringLiteral("unknown")
                                                                 : request.method];
    if (error) {
        ++m_errors;
        send(socket, errorLine(request.id, *error));
    } else if (const auto *serialized = std::get_if<SerializedJson>(&reply)) {
        const ResultFrame frame = resultFrame(request.id);
        if (send(socket, frame.head) && send(socket, serialized->text))
            send(socket, frame.tail);
    } else {
        send(socket, resultLine(request.id, std::get<QJsonValue>(reply)));
    }
}

ApiMethods::Reply ApiServer::subscribe(Client &client, const QJsonObject &params) const
{
    ParamsReader reader(params);
    QStringList topics = reader.stringList(QStringLiteral("topics"), kTopics.size(), 16);
    for (const QString &topic : std::as_const(topics)) {
        if (!kTopics.contains(topic)) {
            reader.fail(QStringLiteral("topics"),
                        QStringLiteral("unknown topic '%1' (sample, event)").arg(topic));
        }
    }
    reader.rejectUnknown();
    if (!reader.ok())
        return reader.error();
    if (topics.isEmpty())
        topics = kTopics;
    for (const QString &topic : topics)
        client.topics.insert(topic);
    QStringList subscribed(client.topics.begin(), client.topics.end());
    subscribed.sort();
    return QJsonValue(
        QJsonObject{{QStringLiteral("topics"), QJsonArray::fromStringList(subscribed)}});
}

bool ApiServer::send(QLocalSocket *socket, const QByteArray &line)
{
    socket->write(line);
    if (socket->bytesToWrite() <= kMaxQueuedBytes)
        return true;
    const Caller &caller = m_clients.at(socket).caller;
    emit logLine(QStringLiteral("api: %1 (pid %2) is not reading; %3 bytes queued, disconnecting")
                     .arg(caller.user)
                     .arg(caller.pid)
                     .arg(socket->bytesToWrite()));
    m_clients.erase(socket);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    return false;
}

bool ApiServer::hasSubscribers(const QString &topic) const
{
    for (const auto &[socket, client] : m_clients) {
        if (client.topics.contains(topic))
            return true;
    }
    return false;
}

void ApiServer::notify(const QString &topic, const QJsonObject &params)
{
    QList<QLocalSocket *> subscribers;
    for (const auto &[socket, client] : m_clients) {
        if (client.topics.contains(topic))
            subscribers.append(socket);
    }
    if (subscribers.isEmpty())
        return;
    const QByteArray line = notificationLine(topic, params);
    for (QLocalSocket *socket : subscribers)
        send(socket, line);
}

} // namespace anycast
