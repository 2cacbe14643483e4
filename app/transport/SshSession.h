#pragma once

#include "app/transport/CancelToken.h"
#include "app/transport/ConnectionState.h"

#include <QString>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <memory>

namespace anycast {

class JumpHost;

// A connected, verified and authenticated libssh session, owned by one network thread, with
// the socket it runs over and, when it goes through a jump host, that jump host (kept alive
// as long as this session). Destroying it says goodbye to the server and closes the socket.
class SshSession
{
public:
    SshSession(std::shared_ptr<CancelToken> cancel);
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    ssh_session handle() const { return m_session; }
    // "root@127.0.0.1:2222", for messages.
    const QString &name() const { return m_name; }
    const QString &host() const { return m_host; }

private:
    friend class SshSessionSetup;

    std::shared_ptr<CancelToken> m_cancel;
    ssh_session m_session = nullptr;
    int m_socket = -1;
    std::shared_ptr<JumpHost> m_jumpHost;
    ssh_callbacks_struct m_callbacks{};
    QString m_name;
    QString m_host;
};

} // namespace anycast
