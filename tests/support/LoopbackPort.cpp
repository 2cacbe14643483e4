#include "tests/support/LoopbackPort.h"

#include <arpa/inet.h>
#include <fstream>
#include <mutex>
#include <netinet/in.h>
#include <random>
#include <set>
#include <sys/socket.h>
#include <unistd.h>

namespace anycast::test {
namespace {

constexpr int kLowestPort = 10000;
constexpr int kAttempts = 200;

// The first port of the kernel's ephemeral range; 32768 (its default) when unreadable.
int ephemeralRangeStart()
{
    std::ifstream file("/proc/sys/net/ipv4/ip_local_port_range");
    int low = 0;
    int high = 0;
    if (file >> low >> high && low > 0)
        return low;
    return 32768;
}

// Bound without SO_REUSEADDR, so a port still in TIME_WAIT counts as taken too.
bool bindable(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool free = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return free;
}

// What the kernel picks for port 0: the fallback when the range leaves no room below it.
std::uint16_t kernelChosenPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    std::uint16_t port = 0;
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

} // namespace

std::uint16_t freeLoopbackPort()
{
    static std::mutex mutex;
    static std::set<int> handedOut;
    static std::mt19937 random{std::random_device{}()};
    const std::lock_guard lock(mutex);
    const int highest = ephemeralRangeStart() - 1;
    if (highest <= kLowestPort)
        return kernelChosenPort();
    std::uniform_int_distribution<int> pick(kLowestPort, highest);
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const int port = pick(random);
        if (handedOut.contains(port) || !bindable(port))
            continue;
        handedOut.insert(port);
        return static_cast<std::uint16_t>(port);
    }
    return 0;
}

} // namespace anycast::test
