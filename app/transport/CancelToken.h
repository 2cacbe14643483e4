#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace anycast {

// Stops one network thread from outside, whatever it is doing: waiting in poll() (the wake
// descriptor becomes readable), blocked inside libssh on its socket (cancel() shuts that
// socket down, so the call returns with an error), or waiting for an answer from the UI
// (the condition variable is notified). Also wakes the thread without stopping it, when the
// UI has bytes for it to send.
class CancelToken
{
public:
    CancelToken();
    ~CancelToken();
    CancelToken(const CancelToken &) = delete;
    CancelToken &operator=(const CancelToken &) = delete;

    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    int wakeDescriptor() const { return m_wakeFd; }
    void wake();
    void clearWake();

    // The socket a blocking libssh call may be waiting on; -1 for none. The thread clears it
    // before it closes the socket, so cancel() never touches a reused descriptor.
    void setAbortSocket(int fd);

    // Blocks until `ready()` (evaluated with mutex() held) or cancel(). True if ready.
    bool waitUntil(const std::function<bool()> &ready);
    // Wakes waitUntil() after changing what `ready` reads (with mutex() held or not).
    void notify();
    std::mutex &mutex() { return m_mutex; }

private:
    std::mutex m_mutex;
    std::condition_variable m_condition;
    std::atomic<bool> m_cancelled{false};
    int m_wakeFd = -1;
    int m_abortSocket = -1;
};

} // namespace anycast
