#include "app/transport/SshTransport.h"

#include "app/transport/SshLink.h"
#include "app/transport/SshNetwork.h"
#include "app/transport/SshNetworkCore.h"
#include "app/transport/SshWorker.h"

namespace anycast {

SshTransport::SshTransport(SshNetwork &network, SshTarget target, QString socketPath,
                           QObject *parent)
    : AgentTransport(parent)
    , m_core(network.core())
    , m_target(std::move(target))
    , m_socketPath(std::move(socketPath))
{}

SshTransport::~SshTransport()
{
    closeConnection();
}

QString SshTransport::endpoint() const
{
    return QStringLiteral("%1 %2").arg(m_target.destination.toString(), m_socketPath);
}

void SshTransport::openConnection()
{
    closeConnection();
    m_link = std::make_shared<SshLink>();
    m_link->attach(this);
    auto worker = std::make_shared<SshWorker>(m_core, m_link, m_target, m_socketPath);
    m_core->startThread(m_link->sharedControl(), [worker] { worker->run(); });
}

void SshTransport::closeConnection()
{
    if (!m_link)
        return;
    m_link->detach();
    m_link->control().cancel();
    m_link.reset();
    m_device.detach();
}

bool SshTransport::event(QEvent *event)
{
    if (event->type() == SshLink::kNewsEvent) {
        takeNews();
        return true;
    }
    return AgentTransport::event(event);
}

void SshTransport::takeNews()
{
    const std::shared_ptr<SshLink> link = m_link;
    if (!link)
        return;
    SshLink::News news = link->takeNews();
    const auto current = [&] { return m_link == link; };
    const auto deliver = [&] {
        if (!news.inbound.isEmpty())
            m_device.deliver(std::exchange(news.inbound, QByteArray()));
        if (news.written > 0 && current())
            m_device.confirmWritten(std::exchange(news.written, 0));
    };
    for (const SshLinkEvent &event : news.events) {
        if (!current())
            return; // the layer above closed or restarted the stream meanwhile
        switch (event.kind) {
        case SshLinkEvent::Kind::Progress:
            reportProgress(event.phase, event.reason, event.hostKey);
            break;
        case SshLinkEvent::Kind::Connected:
            m_device.attach(link);
            reportConnected();
            break;
        case SshLinkEvent::Kind::Failed:
            closeConnection();
            reportFailed(event.phase, event.reason, event.retry, event.hostKey);
            return;
        case SshLinkEvent::Kind::Lost:
            deliver();
            if (!current())
                return;
            closeConnection();
            reportLost(event.reason);
            return;
        }
    }
    if (current())
        deliver();
}

} // namespace anycast
