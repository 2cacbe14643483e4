#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace anycast {

// The agent's side of systemd's notify protocol (Type=notify, WatchdogSec=): readiness, a
// one-line status for `systemctl status`, watchdog pings and the stop notice. A thin wrapper
// over libsystemd's sd_notify, which does nothing when NOTIFY_SOCKET is unset, so the agent
// run by hand or by the tests behaves exactly as before.
class SystemdNotifier
{
public:
    void ready(const QString &status);
    void status(const QString &status);
    void watchdog();
    void stopping();
    // The interval systemd expects pings within (WATCHDOG_USEC, if WATCHDOG_PID is unset or
    // ours); std::nullopt when there is no watchdog.
    static std::optional<std::chrono::microseconds> watchdogInterval();

private:
    void send(const QByteArray &message);
};

} // namespace anycast
