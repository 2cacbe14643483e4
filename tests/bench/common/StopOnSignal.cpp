#include "tests/bench/common/StopOnSignal.h"

#include <csignal>
#include <unistd.h>

namespace anycast::bench {
namespace {

constexpr std::size_t kMaxChildren = 32;
pid_t g_children[kMaxChildren];
volatile sig_atomic_t g_childCount = 0;

extern "C" void stopChildren(int signal)
{
    for (sig_atomic_t i = 0; i < g_childCount; ++i)
        kill(g_children[i], SIGTERM);
    _exit(128 + signal);
}

} // namespace

void stopOnSignal(const std::vector<pid_t> &pids)
{
    g_childCount = 0;
    std::size_t count = 0;
    for (const pid_t pid : pids) {
        if (pid > 0 && count < kMaxChildren)
            g_children[count++] = pid;
    }
    g_childCount = static_cast<sig_atomic_t>(count);
    struct sigaction action
    {};
    action.sa_handler = stopChildren;
    sigemptyset(&action.sa_mask);
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        sigaction(signal, &action, nullptr);
}

} // namespace anycast::bench
