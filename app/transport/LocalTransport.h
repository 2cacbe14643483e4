#pragma once

#include "app/transport/AgentTransport.h"

#include <QLocalSocket>

namespace anycast {

// An agent on this machine, straight to its Unix socket (QLocalSocket), no SSH.
class LocalTransport final : public AgentTransport
{
    Q_OBJECT

public:
    explicit LocalTransport(QString socketPath, QObject *parent = nullptr);
    ~LocalTransport() override;

    QIODevice *device() override { return &m_socket; }
    QString endpoint() const override;

protected:
    void openConnection() override;
    void closeConnection() override;

private:
    void onError(QLocalSocket::LocalSocketError error);
    void onDisconnected();

    QString m_path;
    QLocalSocket m_socket;
    bool m_closing = false;
};

} // namespace anycast
