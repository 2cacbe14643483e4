#include "tests/support/LoopbackPort.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fstream>
#include <netinet/in.h>
#include <set>
#include <sys/socket.h>
#include <unistd.h>

// The ports the harnesses give daemons: what made DrainOverBgp fail in CI was a port released
// for the agent's status endpoint and then handed by the kernel to the lab service's bind to
// port 0. A port below the ephemeral range can never be handed out that way.
namespace anycast::test {
namespace {

int ephemeralRangeStart()
{
    std::ifstream file("/proc/sys/net/ipv4/ip_local_port_range");
    int low = 0;
    file >> low;
    return low;
}

std::uint16_t kernelChosenPortHeld(int *fd)
{
    *fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(*fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 ||
        ::getsockname(*fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return 0;
    return ntohs(address.sin_port);
}

TEST(LoopbackPort, IsBelowTheEphemeralRangeAndBindable)
{
    const int rangeStart = ephemeralRangeStart();
    ASSERT_GT(rangeStart, 10001) << "this machine's ephemeral range leaves no room below it";
    const std::uint16_t port = freeLoopbackPort();
    ASSERT_NE(port, 0);
    EXPECT_LT(port, rangeStart);
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    EXPECT_EQ(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0)
        << "port " << port << " was handed out but cannot be bound";
    ::close(fd);
}

TEST(LoopbackPort, NeverTheSamePortTwiceNorOneTheKernelHandsToPortZero)
{
    std::set<std::uint16_t> seen;
    std::vector<int> held;
    for (int i = 0; i < 200; ++i) {
        const std::uint16_t port = freeLoopbackPort();
        ASSERT_NE(port, 0);
        EXPECT_TRUE(seen.insert(port).second) << "port " << port << " handed out twice";
        // The race that failed CI: someone binds port 0 right after the port was chosen.
        int fd = -1;
        const std::uint16_t theirs = kernelChosenPortHeld(&fd);
        held.push_back(fd);
        EXPECT_NE(theirs, port);
    }
    for (const int fd : held)
        ::close(fd);
}

} // namespace
} // namespace anycast::test
