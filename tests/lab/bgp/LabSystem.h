#pragma once

#include <QList>
#include <QProcess>
#include <QString>

#include <chrono>

namespace anycast::lab {

// True when /proc/net/tcp shows a LISTEN socket on 127.0.0.1:port (or 0.0.0.0:port). Reading
// the table avoids connecting to a BGP port, which the daemon would log as a bogus peer.
bool isListeningOnLoopback(quint16 port);

// Process ids whose command line contains `needle` as one argument or part of one: the
// leak check for "nothing left running with our config paths".
QList<qint64> processesMentioning(const QString &needle);

// Every process below `pid` in the process tree (children, grandchildren ...).
QList<qint64> descendantsOf(qint64 pid);

// The command line of `pid` joined with spaces, or an empty string if it is gone.
QString commandLineOf(qint64 pid);

// The name of the effective user, for exabgp.daemon.user (ExaBGP drops to that user).
QString currentUserName();

// SIGTERM, wait up to `grace`, then SIGKILL and reap. Safe on a process that is not running.
void stopProcess(QProcess &process, std::chrono::milliseconds grace);

// The same for processes we did not start ourselves (ExaBGP's API children): SIGTERM to each
// that still runs `commandLine`, then SIGKILL to what is left after `grace`.
void stopForeignProcesses(const QList<QPair<qint64, QString>> &processes,
                          std::chrono::milliseconds grace);

} // namespace anycast::lab
