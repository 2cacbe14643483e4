#pragma once

#include "app/transport/CancelToken.h"
#include "app/transport/ConnectionState.h"
#include "app/transport/SshSession.h"
#include "app/transport/SshTarget.h"

#include <functional>
#include <memory>

namespace anycast {

class SshNetworkCore;

// Why a session could not be opened, in the words the fleet view shows.
struct SshFailure
{
    ConnectionPhase phase = ConnectionPhase::Unreachable;
    QString reason;
    HostKeyReport hostKey;
    bool retry = true; // false where trying again cannot help by itself (refused key, auth)
};

// Opens one SSH session in the calling network thread, blocking (each step bounded by
// libssh's timeout, and cancellable): ssh_config (the inventory's file, or the user's and the
// system's), the route (direct TCP, or a tunnel through the ProxyJump hosts), the handshake,
// the host key check, and public key authentication through ssh-agent and the identity
// files. The host key is checked before anything else is sent: a changed key or one of
// another type ends the attempt with both fingerprints and the known_hosts lines.
class SshSessionSetup
{
public:
    using Progress = std::function<void(ConnectionPhase phase, const QString &reason,
                                        const HostKeyReport &hostKey)>;

    SshSessionSetup(std::shared_ptr<SshNetworkCore> core, std::shared_ptr<CancelToken> cancel,
                    Progress progress);

    struct Outcome
    {
        std::unique_ptr<SshSession> session; // null on failure
        SshFailure failure;
    };
    Outcome open(const SshTarget &target);

private:
    bool configure(SshSession &session, const SshTarget &target, SshFailure &failure);
    bool connectRoute(SshSession &session, const SshTarget &target, SshFailure &failure);
    bool verifyHostKey(SshSession &session, const SshTarget &target, SshFailure &failure);
    bool authenticate(SshSession &session, SshFailure &failure);
    static int passphraseCallback(const char *prompt, char *buffer, size_t length, int echo,
                                  int verify, void *userdata);

    std::shared_ptr<SshNetworkCore> m_core;
    std::shared_ptr<CancelToken> m_cancel;
    Progress m_progress;
    SshSession *m_authenticating = nullptr;
    int m_port = 22;
    QString m_user;
};

// The maximum number of jump hosts in front of one host (a ProxyJump loop ends here).
inline constexpr int kMaxJumpDepth = 4;

} // namespace anycast
