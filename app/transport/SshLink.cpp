#include "app/transport/SshLink.h"

#include <QCoreApplication>

namespace anycast {

const QEvent::Type SshLink::kNewsEvent = static_cast<QEvent::Type>(QEvent::registerEventType());

SshLink::SshLink()
    : m_control(std::make_shared<CancelToken>())
{}

void SshLink::attach(QObject *receiver)
{
    const std::lock_guard lock(m_control->mutex());
    m_receiver = receiver;
    if (m_newsPending || !m_news.events.empty() || !m_news.inbound.isEmpty()) {
        m_newsPending = false;
        notifyLocked();
    }
}

void SshLink::detach()
{
    const std::lock_guard lock(m_control->mutex());
    m_receiver = nullptr;
}

SshLink::News SshLink::takeNews()
{
    const std::lock_guard lock(m_control->mutex());
    News news = std::move(m_news);
    m_news = News();
    const bool wasFull = news.inbound.size() >= kInboundLimit;
    m_newsPending = false;
    if (wasFull)
        m_control->wake(); // the thread stopped reading; there is room again
    return news;
}

void SshLink::send(const QByteArray &bytes)
{
    {
        const std::lock_guard lock(m_control->mutex());
        m_outbound.append(bytes);
    }
    m_control->wake();
}

void SshLink::post(SshLinkEvent event)
{
    const std::lock_guard lock(m_control->mutex());
    m_news.events.push_back(std::move(event));
    notifyLocked();
}

void SshLink::deliver(const char *data, qsizetype size)
{
    const std::lock_guard lock(m_control->mutex());
    m_news.inbound.append(data, size);
    notifyLocked();
}

void SshLink::confirmWritten(qint64 bytes)
{
    const std::lock_guard lock(m_control->mutex());
    m_news.written += bytes;
    notifyLocked();
}

QByteArray SshLink::takeOutbound()
{
    const std::lock_guard lock(m_control->mutex());
    return std::exchange(m_outbound, QByteArray());
}

bool SshLink::inboundFull()
{
    const std::lock_guard lock(m_control->mutex());
    return m_news.inbound.size() >= kInboundLimit;
}

void SshLink::notifyLocked()
{
    if (m_newsPending || !m_receiver)
        return;
    m_newsPending = true;
    // postEvent is thread-safe; the receiver cannot be destroyed meanwhile because its
    // owner detaches (under this mutex) before destroying it.
    QCoreApplication::postEvent(m_receiver, new QEvent(kNewsEvent));
}

} // namespace anycast
