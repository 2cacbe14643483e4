#include "tests/bench/sampler/RawNetlinkFloor.h"

#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>

namespace anycast::bench {
namespace {

constexpr std::uint32_t kEveryState = 0xFFE; // TCP_ESTABLISHED (1) .. TCP_CLOSING (11)
constexpr std::size_t kBufferSize = 64 * 1024;

struct DumpRequest
{
    nlmsghdr header;
    inet_diag_req_v2 request;
};

struct LegacyDumpRequest
{
    nlmsghdr header;
    inet_diag_req request;
};

} // namespace

RawNetlinkFloor::RawNetlinkFloor()
    : m_buffer(kBufferSize)
{}

RawNetlinkFloor::~RawNetlinkFloor()
{
    if (m_fd >= 0)
        close(m_fd);
}

bool RawNetlinkFloor::open(std::string *error)
{
    m_fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (m_fd < 0)
        *error = std::string("floor: cannot open NETLINK_SOCK_DIAG: ") + std::strerror(errno);
    return m_fd >= 0;
}

std::optional<std::uint64_t> RawNetlinkFloor::dumpAll(std::string *error)
{
    if (!m_legacyRefused) {
        if (const auto sockets = dump(AF_UNSPEC, error))
            return sockets;
        m_legacyRefused = true; // this kernel has no legacy interface: per family below
    }
    std::uint64_t total = 0;
    for (const std::uint8_t family : {std::uint8_t{AF_INET}, std::uint8_t{AF_INET6}}) {
        const auto sockets = dump(family, error);
        if (!sockets)
            return std::nullopt;
        total += *sockets;
    }
    return total;
}

std::optional<std::uint64_t> RawNetlinkFloor::dump(std::uint8_t family, std::string *error)
{
    DumpRequest modern{};
    LegacyDumpRequest legacy{};
    nlmsghdr *request = nullptr;
    if (family == AF_UNSPEC) {
        request = &legacy.header;
        request->nlmsg_len = sizeof legacy;
        request->nlmsg_type = TCPDIAG_GETSOCK;
        legacy.request.idiag_states = kEveryState;
    } else {
        request = &modern.header;
        request->nlmsg_len = sizeof modern;
        request->nlmsg_type = SOCK_DIAG_BY_FAMILY;
        modern.request.sdiag_family = family;
        modern.request.sdiag_protocol = IPPROTO_TCP;
        modern.request.idiag_states = kEveryState;
    }
    request->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request->nlmsg_seq = ++m_sequence;

    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (sendto(m_fd, request, request->nlmsg_len, 0, reinterpret_cast<const sockaddr *>(&kernel),
               sizeof kernel) != static_cast<ssize_t>(request->nlmsg_len)) {
        *error = std::string("floor: sendto failed: ") + std::strerror(errno);
        return std::nullopt;
    }

    std::uint64_t sockets = 0;
    for (;;) {
        const ssize_t received = recv(m_fd, m_buffer.data(), m_buffer.size(), 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received <= 0) {
            *error = std::string("floor: recv failed: ") + std::strerror(errno);
            return std::nullopt;
        }
        auto remaining = static_cast<unsigned int>(received);
        for (auto *header = reinterpret_cast<const nlmsghdr *>(m_buffer.data());
             NLMSG_OK(header, remaining); header = NLMSG_NEXT(header, remaining)) {
            if (header->nlmsg_seq != m_sequence)
                continue;
            if (header->nlmsg_type == NLMSG_DONE)
                return sockets;
            if (header->nlmsg_type == NLMSG_ERROR) {
                const auto *failure = static_cast<const nlmsgerr *>(NLMSG_DATA(header));
                if (failure->error == 0)
                    continue; // an ack, not a failure
                *error = std::string("floor: dump refused: ") + std::strerror(-failure->error);
                return std::nullopt;
            }
            ++sockets;
        }
    }
}

} // namespace anycast::bench
