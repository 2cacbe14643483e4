#include "agent/runtime/SystemdNotifier.h"

#include <cstdint>
#include <systemd/sd-daemon.h>

namespace anycast {
namespace {

// STATUS= is one line of free text: a newline would end the field and start a bogus
// assignment, so flatten it.
QByteArray statusLine(const QString &status)
{
    QString flat = status;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return "STATUS=" + flat.toUtf8();
}

} // namespace

void SystemdNotifier::ready(const QString &status)
{
    send("READY=1\n" + statusLine(status));
}

void SystemdNotifier::status(const QString &status)
{
    send(statusLine(status));
}

void SystemdNotifier::watchdog()
{
    send("WATCHDOG=1");
}

void SystemdNotifier::stopping()
{
    send("STOPPING=1");
}

std::optional<std::chrono::microseconds> SystemdNotifier::watchdogInterval()
{
    uint64_t usec = 0;
    // unset_environment = 0 keeps WATCHDOG_USEC so this may be asked again; exec probes
    // inherit it and NOTIFY_SOCKET, but the unit's NotifyAccess=main ignores them.
    if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0)
        return std::nullopt;
    return std::chrono::microseconds(usec);
}

void SystemdNotifier::send(const QByteArray &message)
{
    // Failures are not actionable: without systemd listening there is nobody to tell, and
    // a missed watchdog ping is exactly what systemd acts on anyway.
    sd_notify(0, message.constData());
}

} // namespace anycast
