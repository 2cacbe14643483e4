#pragma once

#include <QString>

#include <chrono>
#include <variant>

namespace anycast {

// Why anycastctl could not reach the agent's socket. Each kind has an exit code of its own
// (ExitCodes.h), so scripts can tell "not running" from "not allowed".
enum class ConnectFailure
{
    NotRunning,       // no socket file at the path
    Refused,          // a socket file, but nobody listening
    PermissionDenied, // the socket (or a folder above it) is closed to this user
    Timeout,          // the agent's backlog stayed full
    System,           // anything else the system said no to
};

struct ConnectError
{
    ConnectFailure failure = ConnectFailure::System;
    QString message;
};

// Connects to the agent's Unix socket with connect(2) itself, because QLocalSocket folds
// ENOENT, ECONNREFUSED and EACCES into errors too coarse to tell the user what to do; the
// connected descriptor then goes to QLocalSocket::setSocketDescriptor. A permission problem
// names the socket's group, which is what the user must join.
class AgentConnector
{
public:
    // The connected descriptor (close-on-exec, non-blocking; the caller owns it), or why not.
    // Waits at most `timeout` while the agent's backlog is full.
    static std::variant<int, ConnectError> connect(const QString &path,
                                                   std::chrono::milliseconds timeout);
};

} // namespace anycast
