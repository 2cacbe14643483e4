#include "app/transport/SshNetworkCore.h"

#include "app/transport/JumpHost.h"

#include <QMetaObject>

#include <algorithm>
#include <thread>

namespace anycast {

void SshNetworkCore::startThread(const std::shared_ptr<CancelToken> &token,
                                 std::function<void()> body)
{
    {
        const std::lock_guard lock(m_mutex);
        ++m_threads;
        std::erase_if(m_tokens, [](const std::weak_ptr<CancelToken> &t) { return t.expired(); });
        m_tokens.push_back(token);
    }
    // Detached: a thread stuck in name resolution must never hold up the UI thread. It owns
    // what it uses (shared pointers), and shutdown() waits for the count to reach zero.
    std::thread([self = shared_from_this(), body = std::move(body)] {
        body();
        const std::lock_guard lock(self->m_mutex);
        --self->m_threads;
        self->m_threadsDone.notify_all();
    }).detach();
}

int SshNetworkCore::threadCount()
{
    const std::lock_guard lock(m_mutex);
    return m_threads;
}

bool SshNetworkCore::postToPrompter(std::function<void(SshPrompter *)> ask)
{
    const std::lock_guard lock(m_mutex);
    if (!m_context)
        return false;
    QMetaObject::invokeMethod(
        m_context,
        [self = shared_from_this(), ask = std::move(ask)] {
            SshPrompter *prompter = nullptr;
            {
                const std::lock_guard inner(self->m_mutex);
                prompter = self->m_prompter;
            }
            ask(prompter);
        },
        Qt::QueuedConnection);
    return true;
}

bool SshNetworkCore::askHostKey(const HostKeyReport &question,
                                const std::shared_ptr<CancelToken> &cancel)
{
    auto answer = std::make_shared<std::optional<bool>>();
    const auto reply = [answer, cancel](bool accept) {
        {
            const std::lock_guard guard(cancel->mutex());
            *answer = accept;
        }
        cancel->notify();
    };
    const bool asked = postToPrompter([question, reply](SshPrompter *prompter) {
        if (prompter)
            prompter->askHostKey(question, reply);
        else
            reply(false);
    });
    return asked && cancel->waitUntil([&] { return answer->has_value(); }) &&
           answer->value_or(false);
}

std::optional<QByteArray> SshNetworkCore::askPassphrase(const PassphraseQuestion &question,
                                                        const std::shared_ptr<CancelToken> &cancel)
{
    struct Answer
    {
        bool given = false;
        std::optional<QByteArray> passphrase;
    };
    auto answer = std::make_shared<Answer>();
    const auto reply = [answer, cancel](std::optional<QString> passphrase) {
        {
            const std::lock_guard guard(cancel->mutex());
            answer->given = true;
            if (passphrase)
                answer->passphrase = passphrase->toUtf8();
        }
        cancel->notify();
    };
    const bool asked = postToPrompter([question, reply](SshPrompter *prompter) {
        if (prompter)
            prompter->askPassphrase(question, reply);
        else
            reply(std::nullopt);
    });
    if (!asked || !cancel->waitUntil([&] { return answer->given; }))
        return std::nullopt;
    const std::lock_guard guard(cancel->mutex());
    return std::exchange(answer->passphrase, std::nullopt);
}

std::shared_ptr<JumpHost> SshNetworkCore::jumpHost(const SshTarget &hop)
{
    std::shared_ptr<JumpHost> created;
    {
        const std::lock_guard lock(m_mutex);
        const QString key = hop.key();
        if (const auto found = m_jumpHosts.find(key); found != m_jumpHosts.end()) {
            if (auto running = found->second.lock(); running && !running->hasFailed())
                return running;
        }
        std::erase_if(m_jumpHosts, [](const auto &entry) { return entry.second.expired(); });
        created = std::make_shared<JumpHost>(hop);
        m_jumpHosts[key] = created;
    }
    created->launch(shared_from_this()); // takes m_mutex to count its thread
    return created;
}

void SshNetworkCore::setPrompter(QObject *context, SshPrompter *prompter)
{
    const std::lock_guard lock(m_mutex);
    m_context = context;
    m_prompter = prompter;
}

void SshNetworkCore::shutdown(std::chrono::milliseconds patience)
{
    std::unique_lock lock(m_mutex);
    m_context = nullptr;
    m_prompter = nullptr;
    for (const auto &weak : m_tokens) {
        if (const auto token = weak.lock())
            token->cancel();
    }
    m_threadsDone.wait_for(lock, patience, [this] { return m_threads == 0; });
}

} // namespace anycast
