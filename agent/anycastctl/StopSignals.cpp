#include "agent/anycastctl/StopSignals.h"

#include <sys/signalfd.h>
#include <unistd.h>

namespace anycast {

StopSignals::StopSignals()
{
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    sigemptyset(&m_previousMask);
    if (::sigprocmask(SIG_BLOCK, &mask, &m_previousMask) != 0)
        return;
    m_fd = ::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    if (m_fd < 0)
        ::sigprocmask(SIG_SETMASK, &m_previousMask, nullptr);
}

StopSignals::~StopSignals()
{
    if (m_fd < 0)
        return;
    // Signals that ended the wait were asked for and handled: consume them, or unblocking
    // would deliver them now and kill the process on its way out.
    signalfd_siginfo info;
    while (::read(m_fd, &info, sizeof(info)) == static_cast<ssize_t>(sizeof(info))) {
    }
    ::close(m_fd);
    ::sigprocmask(SIG_SETMASK, &m_previousMask, nullptr);
}

} // namespace anycast
