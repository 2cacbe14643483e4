#pragma once

#include "common/protocol/AgentClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>

#include <functional>
#include <optional>

namespace anycast::protocoltest {

// Starts an asynchronous call and runs the event loop until its callback ran (or `patience`
// passed: nullopt). Counts the callback's runs, so a test can see "exactly once".
template <typename T>
std::optional<CallOutcome<T>>
awaitOutcome(const std::function<void(AgentClient::Callback<T>)> &start, int *runs = nullptr,
             std::chrono::milliseconds patience = std::chrono::seconds(10))
{
    std::optional<CallOutcome<T>> outcome;
    int calls = 0;
    start([&](CallOutcome<T> result) {
        ++calls;
        outcome = std::move(result);
    });
    const QDeadlineTimer deadline(patience);
    while (!outcome && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    if (runs)
        *runs = calls;
    return outcome;
}

// Runs the event loop until `done()` holds or `patience` passes.
inline bool spinUntil(const std::function<bool()> &done,
                      std::chrono::milliseconds patience = std::chrono::seconds(10))
{
    const QDeadlineTimer deadline(patience);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

template <typename T> QString describe(const CallOutcome<T> &outcome)
{
    if (std::holds_alternative<T>(outcome))
        return QStringLiteral("a result");
    if (const auto *error = std::get_if<RpcError>(&outcome))
        return QStringLiteral("agent error %1: %2").arg(error->code).arg(error->message);
    return QStringLiteral("no answer: ") + std::get<ClientError>(outcome).message;
}

} // namespace anycast::protocoltest
