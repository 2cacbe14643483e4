#pragma once

#include "app/transport/AgentTransport.h"
#include "app/transport/ChannelDevice.h"
#include "app/transport/SshTarget.h"

#include <memory>

namespace anycast {

class SshLink;
class SshNetwork;
class SshNetworkCore;

// An agent behind sshd: a direct-streamlocal channel to its API socket. Each attempt runs on
// a network thread of its own (SshWorker); this object, in the UI thread, turns the
// thread's news into states and into the bytes of device().
class SshTransport final : public AgentTransport
{
    Q_OBJECT

public:
    SshTransport(SshNetwork &network, SshTarget target, QString socketPath,
                 QObject *parent = nullptr);
    ~SshTransport() override;

    QIODevice *device() override { return &m_device; }
    QString endpoint() const override;

protected:
    void openConnection() override;
    void closeConnection() override;
    bool event(QEvent *event) override;

private:
    void takeNews();

    std::shared_ptr<SshNetworkCore> m_core;
    SshTarget m_target;
    QString m_socketPath;
    ChannelDevice m_device;
    std::shared_ptr<SshLink> m_link;
};

} // namespace anycast
