#include "app/transport/JumpHost.h"

#include "app/transport/JumpRelay.h"
#include "app/transport/SshNetworkCore.h"

#include <deque>
#include <mutex>

namespace anycast {

struct JumpHost::Shared
{
    explicit Shared(SshTarget target)
        : hop(std::move(target))
    {}

    std::shared_ptr<CancelToken> control = std::make_shared<CancelToken>();
    SshTarget hop;
    std::mutex mutex;
    std::deque<TunnelRequest> requests;
    bool failed = false;
    SshFailure failure;

    void fail(const SshFailure &why)
    {
        std::deque<TunnelRequest> waiting;
        {
            const std::lock_guard lock(mutex);
            failed = true;
            failure = why;
            waiting.swap(requests);
        }
        for (TunnelRequest &request : waiting)
            request.complete(-1, why);
    }
};

JumpHost::JumpHost(SshTarget hop)
    : m_shared(std::make_shared<Shared>(std::move(hop)))
{}

JumpHost::~JumpHost()
{
    m_shared->control->cancel();
}

void JumpHost::launch(const std::shared_ptr<SshNetworkCore> &core)
{
    core->startThread(m_shared->control, [shared = m_shared, core] {
        SshSessionSetup setup(core, shared->control,
                              [](ConnectionPhase, const QString &, const HostKeyReport &) {});
        SshSessionSetup::Outcome outcome = setup.open(shared->hop);
        if (!outcome.session) {
            SshFailure failure = outcome.failure;
            failure.reason = QStringLiteral("jump host %1: %2")
                                 .arg(shared->hop.destination.toString(), failure.reason);
            shared->fail(failure);
            return;
        }
        JumpRelay relay(*outcome.session, *shared->control, [&shared] {
            const std::lock_guard lock(shared->mutex);
            return std::exchange(shared->requests, {});
        });
        const QString reason = relay.run();
        SshFailure failure;
        failure.reason =
            QStringLiteral("jump host %1: %2").arg(shared->hop.destination.toString(), reason);
        shared->fail(failure);
    });
}

bool JumpHost::hasFailed() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->failed;
}

JumpHost::TunnelOutcome JumpHost::openTunnel(const QString &host, quint16 port,
                                             const std::shared_ptr<CancelToken> &requester)
{
    TunnelRequest request(host, port, requester);
    const auto result = request.result();
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_shared->failed)
            return {-1, m_shared->failure};
        m_shared->requests.push_back(std::move(request));
    }
    m_shared->control->wake();
    TunnelOutcome outcome;
    if (!requester->waitUntil([&] { return result->done; })) {
        outcome.failure.reason = QStringLiteral("cancelled");
        return outcome;
    }
    const std::lock_guard lock(requester->mutex());
    outcome.socket = std::exchange(result->socket, -1);
    outcome.failure = result->failure;
    return outcome;
}

} // namespace anycast
