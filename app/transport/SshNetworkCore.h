#pragma once

#include "app/transport/CancelToken.h"
#include "app/transport/ConnectionState.h"
#include "app/transport/SshPrompter.h"
#include "app/transport/SshTarget.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace anycast {

class JumpHost;

// What every SSH network thread shares, safe to use from any thread: starting and counting
// the threads (so the application can stop them all at exit), the jump host sessions (one
// per jump host, shared by every node behind it), and the way to the operator's prompts in
// the UI thread. Outlives SshNetwork when a thread still runs after it.
class SshNetworkCore : public std::enable_shared_from_this<SshNetworkCore>
{
public:
    // Runs `body` on a new thread of its own; cancel() on the token at shutdown.
    void startThread(const std::shared_ptr<CancelToken> &token, std::function<void()> body);
    int threadCount();

    // Network threads: ask the operator and wait (false / nullopt when cancelled or when
    // nobody can be asked).
    bool askHostKey(const HostKeyReport &question, const std::shared_ptr<CancelToken> &cancel);
    std::optional<QByteArray> askPassphrase(const PassphraseQuestion &question,
                                            const std::shared_ptr<CancelToken> &cancel);

    // The running jump host session for `hop`, or a new one.
    std::shared_ptr<JumpHost> jumpHost(const SshTarget &hop);

    // UI thread (SshNetwork).
    void setPrompter(QObject *context, SshPrompter *prompter);
    // Cancels every thread and waits up to `patience` for them to end.
    void shutdown(std::chrono::milliseconds patience);

private:
    // Runs `ask` in the UI thread with the prompter in force then (null: nobody to ask).
    // False if the UI side is gone.
    bool postToPrompter(std::function<void(SshPrompter *)> ask);

    std::mutex m_mutex;
    std::condition_variable m_threadsDone;
    int m_threads = 0;
    std::vector<std::weak_ptr<CancelToken>> m_tokens;
    QObject *m_context = nullptr;
    SshPrompter *m_prompter = nullptr;
    std::map<QString, std::weak_ptr<JumpHost>> m_jumpHosts;
};

} // namespace anycast
