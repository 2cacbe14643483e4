#include "agent/anycastctl/Commands.h"

#include "agent/anycastctl/AgentConnector.h"
#include "agent/anycastctl/CommandLine.h"
#include "agent/anycastctl/ConsoleText.h"
#include "agent/anycastctl/ExitCodes.h"
#include "agent/anycastctl/NotificationLines.h"
#include "agent/anycastctl/StatusTable.h"
#include "agent/anycastctl/StopSignals.h"
#include "common/protocol/AgentClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QSocketNotifier>

#include <cstdio>
#include <functional>
#include <unistd.h>

namespace anycast {
namespace {

void print(const QString &text)
{
    writeText(stdout, text);
}

void printError(const QString &message)
{
    writeText(stderr, QStringLiteral("anycastctl: ") + escapeNonPrintable(message) + u'\n');
}

QString indentedJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(static_cast<double>(duration.count()) / 1000.0, 'g', 6);
}

int report(const ConnectError &error)
{
    printError(error.message);
    switch (error.failure) {
    case ConnectFailure::PermissionDenied:
        return kExitPermissionDenied;
    case ConnectFailure::Timeout:
        return kExitTimeout;
    case ConnectFailure::NotRunning:
    case ConnectFailure::Refused:
    case ConnectFailure::System:
        break;
    }
    return kExitUnavailable;
}

// One command's conversation with the agent: the connection, the client on it, and the
// event loop that runs until the command has its exit code.
class Session
{
public:
    explicit Session(const Invocation &invocation)
        : m_invocation(invocation)
    {
        m_client.setTimeout(invocation.timeout);
    }

    // Takes the connected descriptor; false (with the error printed) when Qt will not.
    bool attach(int fd)
    {
        if (!m_socket.setSocketDescriptor(fd)) {
            ::close(fd);
            printError(QStringLiteral("cannot use the connection to %1: %2")
                           .arg(m_invocation.socketPath, m_socket.errorString()));
            return false;
        }
        m_client.attach(&m_socket);
        return true;
    }

    AgentClient &client() { return m_client; }
    QLocalSocket &socket() { return m_socket; }
    const Invocation &invocation() const { return m_invocation; }

    // The first ending wins, and only its error is printed: whatever follows it is the
    // connection going down.
    void finish(int exitCode, const QString &error = {})
    {
        if (m_exitCode)
            return;
        if (!error.isEmpty())
            printError(error);
        m_exitCode = exitCode;
        m_loop.quit();
    }

    int run()
    {
        if (!m_exitCode)
            m_loop.exec();
        return m_exitCode.value_or(kExitUnavailable);
    }

    // Ends the command when the call got no result (the agent's error, or no answer);
    // false when it has one.
    template <typename T> bool finishOnFailure(const CallOutcome<T> &outcome)
    {
        if (const auto *error = std::get_if<RpcError>(&outcome)) {
            finish(error->code == kPermissionDenied ? kExitPermissionDenied : kExitAgentError,
                   error->message);
            return true;
        }
        const auto *problem = std::get_if<ClientError>(&outcome);
        if (!problem)
            return false;
        switch (problem->failure) {
        case CallFailure::Timeout:
            finish(kExitTimeout, QStringLiteral("no reply from the agent at %1 within %2 s")
                                     .arg(m_invocation.socketPath, seconds(m_invocation.timeout)));
            return true;
        case CallFailure::Closed:
            finish(kExitUnavailable, QStringLiteral("the agent closed the connection"));
            return true;
        case CallFailure::Protocol:
        case CallFailure::VersionMismatch:
            break;
        }
        finish(kExitProtocol, QStringLiteral("protocol error: ") + problem->message);
        return true;
    }

    // Runs `show` on the typed result of `method`, or reports why there is none; either way
    // the command is over.
    template <typename T>
    void request(const QString &method, const QJsonObject &params,
                 std::function<QString(const Received<T> &)> show)
    {
        m_client.callTyped<T>(method, params,
                              [this, show = std::move(show)](CallOutcome<Received<T>> outcome) {
                                  if (finishOnFailure(outcome))
                                      return;
                                  print(show(std::get<Received<T>>(outcome)));
                                  finish(kExitOk);
                              });
    }

private:
    const Invocation &m_invocation;
    QLocalSocket m_socket;
    AgentClient m_client;
    QEventLoop m_loop;
    std::optional<int> m_exitCode;
};

void status(Session &session)
{
    const bool json = session.invocation().json;
    session.request<AgentStatus>(
        QStringLiteral("status"), {}, [json](const Received<AgentStatus> &status) {
            return json ? indentedJson(status.json)
                        : StatusTable(status.value, terminalWidth()).render();
        });
}

void events(Session &session)
{
    const Invocation &invocation = session.invocation();
    QJsonObject params;
    if (invocation.limit)
        params.insert(QStringLiteral("limit"), *invocation.limit);
    if (invocation.after)
        params.insert(QStringLiteral("after"), *invocation.after);
    const bool json = invocation.json;
    session.request<EventsReply>(
        QStringLiteral("events"), params, [json](const Received<EventsReply> &events) {
            return json ? indentedJson(events.json) : eventsTable(events.value, terminalWidth());
        });
}

// drain and undrain: the same parameters, less the mode and force for undrain.
void changeDrain(Session &session)
{
    const Invocation &invocation = session.invocation();
    OperatorRequest request;
    if (!invocation.service.isEmpty())
        request.service = invocation.service;
    request.reason = invocation.reason;
    request.ticket = invocation.ticket;
    QJsonObject params;
    if (invocation.command == QLatin1String("drain")) {
        params =
            DrainRequest{request, invocation.immediate ? DrainMode::Immediate : DrainMode::Graceful,
                         invocation.force}
                .toParams();
    } else {
        params = UndrainRequest{request}.toParams();
    }
    const bool json = invocation.json;
    session.request<MutationReply>(
        invocation.command, params, [json](const Received<MutationReply> &reply) {
            const QString &message = reply.value.message;
            if (json)
                return indentedJson(reply.json);
            return (message.isEmpty() ? QStringLiteral("done") : message) + u'\n';
        });
}

// Prints every notification until a stop signal (exit 0), the agent going away (69) or a
// broken stream (76).
int watch(Session &session)
{
    // Blocked from here on, so a stop signal ends the loop below instead of the process.
    const StopSignals stop;
    std::optional<QSocketNotifier> stopNotifier;
    if (stop.fd() >= 0) {
        stopNotifier.emplace(stop.fd(), QSocketNotifier::Read);
        QObject::connect(&*stopNotifier, &QSocketNotifier::activated,
                         [&session] { session.finish(kExitOk); });
    }
    const bool json = session.invocation().json;
    const int width = json ? 0 : terminalWidth();
    AgentClient &client = session.client();
    if (json) {
        QObject::connect(
            &client, &AgentClient::notificationReceived,
            [](const QString &, const QJsonObject &params) {
                print(QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)) +
                      u'\n');
            });
    } else {
        QObject::connect(&client, &AgentClient::sampleReceived,
                         [](const SamplePoint &sample) { print(sampleLine(sample) + u'\n'); });
        QObject::connect(&client, &AgentClient::eventReceived, [width](const AgentEvent &event) {
            print(eventLine(event, width) + u'\n');
        });
    }
    QObject::connect(&client, &AgentClient::protocolViolated, [&session](const QString &why) {
        session.finish(kExitProtocol, QStringLiteral("protocol error: ") + why);
    });
    // Between calls the agent only speaks unasked to say goodbye (a client too far behind).
    QObject::connect(&client, &AgentClient::refused, [&session](const RpcError &error) {
        session.finish(kExitUnavailable,
                       QStringLiteral("the agent went away (%1)").arg(error.message));
    });
    QObject::connect(&session.socket(), &QLocalSocket::disconnected, [&session] {
        session.finish(kExitUnavailable,
                       QStringLiteral("the agent went away (the agent closed the connection)"));
    });
    QStringList topics;
    if (session.invocation().eventsOnly)
        topics.append(QStringLiteral("event"));
    client.subscribe(
        topics, [&session](CallOutcome<QStringList> outcome) { session.finishOnFailure(outcome); });
    return session.run();
}

} // namespace

int runInvocation(const Invocation &invocation)
{
    auto connected = AgentConnector::connect(invocation.socketPath, invocation.timeout);
    if (const auto *error = std::get_if<ConnectError>(&connected))
        return report(*error);
    Session session(invocation);
    if (!session.attach(std::get<int>(connected)))
        return kExitUnavailable;
    if (invocation.command == QLatin1String("watch"))
        return watch(session);
    if (invocation.command == QLatin1String("status"))
        status(session);
    else if (invocation.command == QLatin1String("events"))
        events(session);
    else
        changeDrain(session);
    return session.run();
}

} // namespace anycast
