#pragma once

#include "LinkStatus.h"

#include <QLocalSocket>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace anycast {

class NodeSession;

// Keeps a NodeSession connected to an agent socket on this machine: opens the socket,
// attaches it, and after a loss (or when the session finds the agent dead) closes it and
// tries again after a pause that doubles up to a minute. The owner role that a transport
// plays for remote agents, for local agents, the benchmark's simulator and the tests.
class LocalAgentLink final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kFirstRetry{1000};
    static constexpr std::chrono::milliseconds kLongestRetry{60000};

    LocalAgentLink(QString socketPath, NodeSession *session, QObject *parent = nullptr);
    ~LocalAgentLink() override;

    void start();
    void stop();
    void setFirstRetry(std::chrono::milliseconds delay) { m_firstRetry = delay; }
    const QString &socketPath() const { return m_socketPath; }

private:
    void connectNow();
    void onConnected();
    void onError(QLocalSocket::LocalSocketError error);
    void onLost(const QString &why);
    void abortQuietly();
    void closeAndRetry(LinkPhase phase, const QString &why);

    QString m_socketPath;
    NodeSession *m_session;
    QLocalSocket m_socket;
    QTimer m_retryTimer;
    std::chrono::milliseconds m_firstRetry = kFirstRetry;
    std::chrono::milliseconds m_nextRetry = kFirstRetry;
    bool m_running = false;
    bool m_attached = false;
    bool m_aborting = false;
    bool m_refused = false; // the last error was the socket's permissions
};

} // namespace anycast
