#pragma once

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace anycast {

inline constexpr auto kDefaultApiSocket = "/run/anycast-agent/api.sock";

// One anycastctl run as the command line asks for it.
struct Invocation
{
    QString command; // status | watch | events | drain | undrain
    QString socketPath;
    bool json = false;
    std::chrono::milliseconds timeout{10000};
    // drain and undrain
    QString service;
    QString reason;
    QString ticket;
    bool immediate = false;
    bool force = false;
    // watch
    bool eventsOnly = false;
    // events
    std::optional<qint64> limit;
    std::optional<qint64> after;
};

// An invocation, or what to print instead (help, version or a usage error) and the exit code.
struct ParsedCommandLine
{
    std::optional<Invocation> invocation;
    QString text;
    bool toStandardError = false;
    int exitCode = 0;
};

// Global options come before the command; the command's own follow it, and the global ones
// may follow it too (`anycastctl status --json`). The socket is --socket, else
// $ANYCAST_API_SOCKET, else kDefaultApiSocket. Nothing here connects.
ParsedCommandLine parseCommandLine(const QStringList &arguments);

} // namespace anycast
