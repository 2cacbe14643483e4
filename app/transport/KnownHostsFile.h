#pragma once

#include "app/transport/ConnectionState.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace anycast {

// Reads known_hosts the way OpenSSH and libssh match it, to say *which line* disagrees with
// a server's key: libssh answers only "changed", and the operator needs the file, the line
// and the old fingerprint to check. Plain and hashed (|1|salt|hash) host fields, comma
// lists, [host]:port, the wildcards * and ?, and !negation. @cert-authority lines are not
// host keys and are skipped; @revoked lines are reported like the others.
namespace KnownHostsFile {

// `hostPort` as libssh writes it: "host" for port 22, "[host]:port" otherwise, lower case.
QString hostPort(const QString &host, int port);
// The entries of `text` (read from `fileName`) that name `hostPort`.
QList<KnownHostsEntry> entriesFor(const QString &hostPort, const QByteArray &text,
                                  const QString &fileName);
// The same, read from a file; none if it cannot be read.
QList<KnownHostsEntry> entriesInFile(const QString &hostPort, const QString &fileName);
// "SHA256:" and the unpadded base64 of the SHA-256 of a key blob, as ssh-keygen -l prints.
QString fingerprint(const QByteArray &keyBlob);
// Whether one host field (the first column) names `hostPort`.
bool hostFieldMatches(const QString &field, const QString &hostPort);

} // namespace KnownHostsFile

} // namespace anycast
