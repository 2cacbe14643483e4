#pragma once

#include "app/transport/CancelToken.h"
#include "app/transport/ConnectionState.h"

#include <QByteArray>
#include <QEvent>
#include <QObject>

#include <memory>
#include <vector>

namespace anycast {

// What the network thread tells the transport in the UI thread, in order.
struct SshLinkEvent
{
    enum class Kind
    {
        Progress,
        Connected,
        Failed,
        Lost
    };
    Kind kind = Kind::Progress;
    ConnectionPhase phase = ConnectionPhase::Connecting;
    QString reason;
    HostKeyReport hostKey;
    bool retry = true; // Failed: whether trying again can help
};

// The one place where a session's network thread and its transport in the UI thread meet:
// bytes each way, events to the UI, and the thread's CancelToken. Either side may go first;
// both hold it. The UI side is told by one posted QEvent at a time (further news joins the
// pending one), so a busy agent costs one wake-up per event-loop pass, not one per packet.
class SshLink
{
public:
    static const QEvent::Type kNewsEvent;
    // Past this much unread data the network thread stops reading the channel (the SSH
    // window then holds the agent back) until the UI side catches up.
    static constexpr qsizetype kInboundLimit = 16 * 1024 * 1024;

    SshLink();

    CancelToken &control() { return *m_control; }
    const std::shared_ptr<CancelToken> &sharedControl() const { return m_control; }

    // UI side.
    void attach(QObject *receiver);
    void detach(); // before the receiver is destroyed: no event reaches it afterwards
    struct News
    {
        std::vector<SshLinkEvent> events;
        QByteArray inbound;
        qint64 written = 0;
    };
    News takeNews();
    void send(const QByteArray &bytes);

    // Network thread.
    void post(SshLinkEvent event);
    void deliver(const char *data, qsizetype size);
    void confirmWritten(qint64 bytes);
    QByteArray takeOutbound();
    bool inboundFull();

private:
    void notifyLocked();

    std::shared_ptr<CancelToken> m_control;
    QObject *m_receiver = nullptr;
    bool m_newsPending = false;
    News m_news;
    QByteArray m_outbound;
};

} // namespace anycast
