#pragma once

#include <QString>

namespace anycast::sshlab {

// A throwaway key made by ssh-keygen: `path` (private, 0600) and `path.pub`.
struct SshKeyPair
{
    QString path;
    QString type; // "ed25519", "ecdsa"

    // Empty on success, else ssh-keygen's complaint.
    static QString generate(const QString &path, const QString &type, SshKeyPair *key,
                            const QString &passphrase = {});
    // "ssh-ed25519 AAAA... comment" from path.pub.
    QString publicLine() const;
    // The key alone, "ssh-ed25519 AAAA...", for known_hosts lines.
    QString publicKey() const;
    // "SHA256:..." as ssh-keygen -l prints it.
    QString fingerprint() const;
};

} // namespace anycast::sshlab
