#include "agent/sampler/SockDiagSocket.h"

#include "agent/support/ErrnoText.h"

#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>

namespace anycast {
namespace {

// The kernel fills dump messages of up to 32 KiB (netlink_recvmsg caps max_recvmsg_len);
// a larger buffer never truncates one.
constexpr std::size_t kReceiveBufferSize = 64 * 1024;
constexpr int kReceiveTimeoutSeconds = 5;

} // namespace

const std::uint8_t *SockDiagRecord::attribute(unsigned short type, std::size_t *length) const
{
    auto *attr = reinterpret_cast<const rtattr *>(attributes);
    auto remaining = static_cast<unsigned int>(attributesLength);
    for (; RTA_OK(attr, remaining); attr = RTA_NEXT(attr, remaining)) {
        if (attr->rta_type == type) {
            *length = RTA_PAYLOAD(attr);
            return static_cast<const std::uint8_t *>(RTA_DATA(attr));
        }
    }
    return nullptr;
}

Result<std::unique_ptr<SockDiagSocket>> SockDiagSocket::open()
{
    using Opened = Result<std::unique_ptr<SockDiagSocket>>;
    const int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0)
        return Opened::failure(
            QStringLiteral("cannot open a NETLINK_SOCK_DIAG socket: %1").arg(errnoText(errno)));
    // A kernel that never answers must not hang the agent's loop.
    const timeval timeout{kReceiveTimeoutSeconds, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    return Opened::success(std::unique_ptr<SockDiagSocket>(new SockDiagSocket(fd)));
}

SockDiagSocket::SockDiagSocket(int fd)
    : m_fd(fd)
    , m_receiveBuffer(kReceiveBufferSize)
{}

SockDiagSocket::~SockDiagSocket()
{
    if (m_fd >= 0)
        close(m_fd);
}

bool SockDiagSocket::sendRequest(const SockDiagRequest &request)
{
    const bool legacy = request.family == AF_UNSPEC;
    const std::size_t requestSize = legacy ? sizeof(inet_diag_req) : sizeof(inet_diag_req_v2);
    const std::size_t filterSize = request.filter ? request.filter->size() : 0;
    if (RTA_LENGTH(filterSize) > 0xFFFF) {
        errno = EMSGSIZE; // an attribute length is 16 bits: refuse rather than truncate
        return false;
    }
    const std::size_t payload = requestSize + (request.filter ? RTA_SPACE(filterSize) : 0);
    m_requestBuffer.assign(NLMSG_SPACE(payload), 0);

    auto *header = reinterpret_cast<nlmsghdr *>(m_requestBuffer.data());
    header->nlmsg_len = static_cast<std::uint32_t>(NLMSG_LENGTH(payload));
    header->nlmsg_type = legacy ? TCPDIAG_GETSOCK : SOCK_DIAG_BY_FAMILY;
    header->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    header->nlmsg_seq = ++m_sequence;

    void *body = NLMSG_DATA(header);
    if (legacy) {
        auto *diag = static_cast<inet_diag_req *>(body);
        diag->idiag_ext = request.extensions;
        diag->idiag_states = request.stateMask;
    } else {
        auto *diag = static_cast<inet_diag_req_v2 *>(body);
        diag->sdiag_family = request.family;
        diag->sdiag_protocol = IPPROTO_TCP;
        diag->idiag_ext = request.extensions;
        diag->idiag_states = request.stateMask;
    }

    if (request.filter) {
        auto *attr = reinterpret_cast<rtattr *>(static_cast<std::uint8_t *>(body) + requestSize);
        attr->rta_type = INET_DIAG_REQ_BYTECODE;
        attr->rta_len = static_cast<unsigned short>(RTA_LENGTH(filterSize));
        std::memcpy(RTA_DATA(attr), request.filter->data(), filterSize);
    }

    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    ssize_t sent;
    do {
        sent = sendto(m_fd, m_requestBuffer.data(), header->nlmsg_len, 0,
                      reinterpret_cast<const sockaddr *>(&kernel), sizeof kernel);
    } while (sent < 0 && errno == EINTR);
    return sent == static_cast<ssize_t>(header->nlmsg_len);
}

Result<std::uint64_t> SockDiagSocket::dump(const SockDiagRequest &request, const Visitor &visit)
{
    using Dumped = Result<std::uint64_t>;
    const auto failed = [this](const char *what, int error) {
        m_lastErrno = error;
        return Dumped::failure(QStringLiteral("%1: %2").arg(QLatin1String(what), errnoText(error)));
    };
    if (!sendRequest(request))
        return failed("sock_diag request failed", errno);
    m_lastErrno = 0;
    const std::uint16_t replyType =
        request.family == AF_UNSPEC ? TCPDIAG_GETSOCK : SOCK_DIAG_BY_FAMILY;

    std::uint64_t visited = 0;
    for (;;) {
        const ssize_t received = recv(m_fd, m_receiveBuffer.data(), m_receiveBuffer.size(), 0);
        if (received < 0) {
            if (errno == EINTR)
                continue;
            return failed("sock_diag dump failed", errno);
        }
        if (received == 0)
            return Dumped::failure(QStringLiteral("sock_diag dump ended without NLMSG_DONE"));

        auto remaining = static_cast<unsigned int>(received);
        for (auto *header = reinterpret_cast<const nlmsghdr *>(m_receiveBuffer.data());
             NLMSG_OK(header, remaining); header = NLMSG_NEXT(header, remaining)) {
            if (header->nlmsg_seq != m_sequence)
                continue; // a late answer to an earlier, abandoned request
            if (header->nlmsg_type == NLMSG_DONE)
                return Dumped::success(visited);
            if (header->nlmsg_type == NLMSG_ERROR) {
                const auto *error = static_cast<const nlmsgerr *>(NLMSG_DATA(header));
                if (error->error == 0)
                    continue; // an ack, not an error
                return failed("sock_diag dump refused", -error->error);
            }
            if (header->nlmsg_type != replyType ||
                header->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg)))
                continue;
            SockDiagRecord record;
            record.message = static_cast<const inet_diag_msg *>(NLMSG_DATA(header));
            record.attributes = reinterpret_cast<const std::uint8_t *>(record.message + 1);
            record.attributesLength = header->nlmsg_len - NLMSG_LENGTH(sizeof(inet_diag_msg));
            visit(record);
            ++visited;
        }
    }
}

} // namespace anycast
