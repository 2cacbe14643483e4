#include "Commands.h"

#include "ApiClient.h"
#include "CommandLine.h"
#include "ConsoleText.h"
#include "ExitCodes.h"
#include "NotificationLines.h"
#include "StatusTable.h"
#include "StopSignals.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

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

int exitCodeFor(TransportFailure failure)
{
    switch (failure) {
    case TransportFailure::PermissionDenied:
        return kExitPermissionDenied;
    case TransportFailure::Timeout:
        return kExitTimeout;
    case TransportFailure::Protocol:
        return kExitProtocol;
    case TransportFailure::Interrupted:
        return kExitOk;
    case TransportFailure::NotRunning:
    case TransportFailure::Refused:
    case TransportFailure::Closed:
    case TransportFailure::System:
        break;
    }
    return kExitUnavailable;
}

int report(const TransportError &error)
{
    printError(error.message);
    return exitCodeFor(error.failure);
}

int report(const RpcError &error)
{
    printError(error.message);
    return error.code == kPermissionDenied ? kExitPermissionDenied : kExitAgentError;
}

// The method's result, or the exit code once the failure is printed.
std::variant<QJsonObject, int> request(ApiClient &client, const QString &method,
                                       const QJsonObject &params = {})
{
    ApiClient::CallResult outcome = client.call(method, params);
    if (const auto *error = std::get_if<RpcError>(&outcome))
        return report(*error);
    if (const auto *failure = std::get_if<TransportError>(&outcome))
        return report(*failure);
    const QJsonValue &result = std::get<QJsonValue>(outcome);
    if (!result.isObject()) {
        printError(
            QStringLiteral("protocol error: the result of %1 is not a JSON object").arg(method));
        return kExitProtocol;
    }
    return result.toObject();
}

int status(ApiClient &client, const Invocation &invocation)
{
    const auto result = request(client, QStringLiteral("status"));
    if (const int *exitCode = std::get_if<int>(&result))
        return *exitCode;
    const QJsonObject &status = std::get<QJsonObject>(result);
    print(invocation.json ? indentedJson(status) : StatusTable(status, terminalWidth()).render());
    return kExitOk;
}

int events(ApiClient &client, const Invocation &invocation)
{
    QJsonObject params;
    if (invocation.limit)
        params.insert(QStringLiteral("limit"), *invocation.limit);
    if (invocation.after)
        params.insert(QStringLiteral("after"), *invocation.after);
    const auto result = request(client, QStringLiteral("events"), params);
    if (const int *exitCode = std::get_if<int>(&result))
        return *exitCode;
    const QJsonObject &events = std::get<QJsonObject>(result);
    print(invocation.json ? indentedJson(events) : eventsTable(events, terminalWidth()));
    return kExitOk;
}

// drain and undrain: the same parameters, less the mode and force for undrain.
int changeDrain(ApiClient &client, const Invocation &invocation)
{
    QJsonObject params{{QStringLiteral("reason"), invocation.reason}};
    if (!invocation.service.isEmpty())
        params.insert(QStringLiteral("service"), invocation.service);
    if (!invocation.ticket.isEmpty())
        params.insert(QStringLiteral("ticket"), invocation.ticket);
    if (invocation.immediate)
        params.insert(QStringLiteral("mode"), QStringLiteral("immediate"));
    if (invocation.force)
        params.insert(QStringLiteral("force"), true);
    const auto result = request(client, invocation.command, params);
    if (const int *exitCode = std::get_if<int>(&result))
        return *exitCode;
    const QJsonObject &reply = std::get<QJsonObject>(result);
    const QString message = reply.value(QStringLiteral("message")).toString();
    print(invocation.json ? indentedJson(reply)
                          : (message.isEmpty() ? QStringLiteral("done") : message) + u'\n');
    return kExitOk;
}

int watch(ApiClient &client, const Invocation &invocation)
{
    // Blocked from here on, so a stop signal ends the wait below instead of the process.
    const StopSignals stop;
    QJsonObject params;
    if (invocation.eventsOnly)
        params.insert(QStringLiteral("topics"), QJsonArray{QStringLiteral("event")});
    const auto subscribed = request(client, QStringLiteral("subscribe"), params);
    if (const int *exitCode = std::get_if<int>(&subscribed))
        return *exitCode;
    const int width = invocation.json ? 0 : terminalWidth();
    for (;;) {
        ApiClient::NotificationResult next =
            client.readNotification(std::chrono::milliseconds(-1), stop.fd());
        if (const auto *failure = std::get_if<TransportError>(&next)) {
            if (failure->failure == TransportFailure::Interrupted)
                return kExitOk;
            if (failure->failure == TransportFailure::Closed) {
                printError(QStringLiteral("the agent went away (%1)").arg(failure->message));
                return kExitUnavailable;
            }
            return report(*failure);
        }
        const ApiNotification &notification = std::get<ApiNotification>(next);
        if (invocation.json) {
            print(QString::fromUtf8(
                      QJsonDocument(notification.params).toJson(QJsonDocument::Compact)) +
                  u'\n');
        } else if (notification.method == QLatin1String("sample")) {
            print(sampleLine(notification.params) + u'\n');
        } else if (notification.method == QLatin1String("event")) {
            print(eventLine(notification.params, width) + u'\n');
        }
        // Topics a newer agent may add are left out of the text; --json shows them.
    }
}

} // namespace

int runInvocation(const Invocation &invocation)
{
    ApiClient client(invocation.timeout);
    if (const auto failed = client.connectTo(invocation.socketPath))
        return report(*failed);
    if (invocation.command == QLatin1String("status"))
        return status(client, invocation);
    if (invocation.command == QLatin1String("watch"))
        return watch(client, invocation);
    if (invocation.command == QLatin1String("events"))
        return events(client, invocation);
    return changeDrain(client, invocation);
}

} // namespace anycast
