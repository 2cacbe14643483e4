#include "app/transport/SshSession.h"

#include "app/transport/JumpHost.h"

#include <unistd.h>

namespace anycast {

SshSession::SshSession(std::shared_ptr<CancelToken> cancel)
    : m_cancel(std::move(cancel))
    , m_session(ssh_new())
{}

SshSession::~SshSession()
{
    if (m_session) {
        if (ssh_is_connected(m_session))
            ssh_disconnect(m_session);
        ssh_free(m_session);
    }
    // libssh leaves a socket it was given with SSH_OPTIONS_FD open.
    if (m_socket >= 0) {
        m_cancel->setAbortSocket(-1);
        ::close(m_socket);
    }
}

} // namespace anycast
