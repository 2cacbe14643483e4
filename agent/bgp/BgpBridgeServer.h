#pragma once

#include "agent/api/SocketAccess.h"
#include "agent/bgp/BgpController.h"
#include "agent/support/LogThrottle.h"
#include "common/Result.h"

#include <QLocalServer>
#include <QPointer>
#include <QTimer>

class QLocalSocket;

namespace anycast {

// The agent's end of bgp_socket: anycast-exabgp-bridge connects here (one bridge at a time;
// a new one replaces the old), receives ExaBGP commands and sends back ExaBGP's acks and
// events (docs/BGP-BRIDGE.md). Writes never block: Qt buffers them; a bridge that stops
// reading past a bound is dropped. The accepted connection belongs to this object, not to the
// listening socket: it is cut loose and deleted here, before any member goes, so it can never
// report its end to a half-destroyed server.
class BgpBridgeServer final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxLine = 64 * 1024;
    static constexpr qint64 kMaxPendingBytes = 4 * 1024 * 1024;
    // What Qt reads ahead from the bridge; the rest waits in the kernel, and a bridge
    // flooding the agent meets its own 4 MiB bound, not the agent's memory.
    static constexpr qint64 kReadBufferBytes = 256 * 1024;

    BgpBridgeServer(QString path, BgpController &controller, QObject *parent = nullptr);
    ~BgpBridgeServer() final;

    // Listens with mode 0660 for `group` (empty: the agent's own group), the group ExaBGP's
    // bridge runs in; a group that does not exist or cannot be given leaves the socket
    // owner-only (see grantGroupAccess) and logs why.
    Result<SocketAccess> listen(const QString &group);
    // Stops listening and drops the bridge without telling the controller: for shutdown.
    void close();
    // Sends whatever the controller says is due. Cheap; called after every decision.
    void flush();

signals:
    void logLine(const QString &line);

private:
    void onNewConnection();
    void onReadyRead();
    void logOutcome(const BgpController::LineOutcome &outcome);
    void onDisconnected();
    // Cuts the bridge's signals to this object first, so that aborting it reports nothing.
    void releaseBridge();

    QString m_path;
    BgpController &m_controller;
    QLocalServer m_server;
    QPointer<QLocalSocket> m_bridge;
    QByteArray m_partial;
    bool m_discarding = false;
    QTimer m_retryTimer;
    LogThrottle m_refusedLog{std::chrono::seconds(10)};
};

} // namespace anycast
