#pragma once

#include <signal.h>

namespace anycast {

// SIGINT and SIGTERM as a readable descriptor (signalfd) for as long as this object lives,
// so a blocking poll() can wait for the agent and for Ctrl-C at once, without races.
class StopSignals
{
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

    // -1 when the descriptor could not be made; the signals then act as usual (terminate).
    int fd() const { return m_fd; }

private:
    sigset_t m_previousMask;
    int m_fd = -1;
};

} // namespace anycast
