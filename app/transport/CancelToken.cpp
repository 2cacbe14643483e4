#include "app/transport/CancelToken.h"

#include <cstdint>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace anycast {

CancelToken::CancelToken()
    : m_wakeFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{}

CancelToken::~CancelToken()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void CancelToken::cancel()
{
    {
        const std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (m_abortSocket >= 0)
            ::shutdown(m_abortSocket, SHUT_RDWR);
    }
    m_condition.notify_all();
    wake();
}

void CancelToken::wake()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
}

void CancelToken::clearWake()
{
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t read = ::read(m_wakeFd, &count, sizeof count);
}

void CancelToken::setAbortSocket(int fd)
{
    const std::lock_guard lock(m_mutex);
    m_abortSocket = fd;
    if (fd >= 0 && m_cancelled)
        ::shutdown(fd, SHUT_RDWR);
}

bool CancelToken::waitUntil(const std::function<bool()> &ready)
{
    std::unique_lock lock(m_mutex);
    m_condition.wait(lock, [&] { return m_cancelled.load() || ready(); });
    return !m_cancelled && ready();
}

void CancelToken::notify()
{
    {
        const std::lock_guard lock(m_mutex); // a waiter between its check and its wait sees it
    }
    m_condition.notify_all();
}

} // namespace anycast
