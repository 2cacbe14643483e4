#pragma once

#include <QObject>

#include <chrono>
#include <memory>

namespace anycast {

class SshNetworkCore;
class SshPrompter;

// The console's SSH side as a whole, owned by the UI thread: every SshTransport is made with
// it. It initialises libssh, routes host key and passphrase questions from the network
// threads to the prompter, and at destruction stops every network thread (waiting a few
// seconds at most: a thread stuck in name resolution is left to finish on its own).
//
// Threads: one per SSH session (each agent connection, each jump host). libssh sessions are
// not thread-safe, and a session's blocking steps (name resolution, the handshake, the
// passphrase prompt) would stall every other session sharing its thread; a thread of its
// own keeps one slow or hung host from delaying the others (docs/DESIGN.md says more).
class SshNetwork final : public QObject
{
    Q_OBJECT

public:
    explicit SshNetwork(QObject *parent = nullptr);
    ~SshNetwork() override;

    // Not owned; it must outlive this object or be replaced with nullptr first. Without a
    // prompter, unknown host keys are refused and encrypted keys are skipped.
    void setPrompter(SshPrompter *prompter);
    const std::shared_ptr<SshNetworkCore> &core() const { return m_core; }
    int threadCount() const;

private:
    std::shared_ptr<SshNetworkCore> m_core;
};

} // namespace anycast
