#pragma once

#include "common/Result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

struct inet_diag_msg;

namespace anycast {

// One inet_diag message as the dump delivers it: the fixed header and its attributes.
struct SockDiagRecord
{
    const inet_diag_msg *message = nullptr;
    const std::uint8_t *attributes = nullptr; // a run of struct rtattr
    std::size_t attributesLength = 0;

    // The payload of attribute `type` (INET_DIAG_INFO, ...), or null when absent.
    const std::uint8_t *attribute(unsigned short type, std::size_t *length) const;
};

struct SockDiagRequest
{
    // AF_INET or AF_INET6; AF_UNSPEC asks for both in one walk of the kernel's socket
    // table, through the legacy TCPDIAG_GETSOCK request (the only one that accepts it).
    std::uint8_t family = 0;
    std::uint32_t stateMask = 0; // bit (1 << state) per TCP state wanted
    std::uint8_t extensions = 0; // bit (1 << (INET_DIAG_x - 1)) per extension wanted
    const std::vector<std::uint8_t> *filter = nullptr; // bytecode, or null for none
};

// A NETLINK_SOCK_DIAG socket that dumps TCP sockets into one reusable buffer. The visitor is
// called for each socket while the message is still in the buffer, so nothing is copied
// or allocated per socket.
class SockDiagSocket
{
public:
    static Result<std::unique_ptr<SockDiagSocket>> open();
    ~SockDiagSocket();
    SockDiagSocket(const SockDiagSocket &) = delete;
    SockDiagSocket &operator=(const SockDiagSocket &) = delete;

    using Visitor = std::function<void(const SockDiagRecord &)>;
    // Errors are plain words with the errno text ("sock_diag dump failed: Operation not
    // permitted"). Returns the number of sockets visited.
    Result<std::uint64_t> dump(const SockDiagRequest &request, const Visitor &visit);
    // The errno of the last failed dump (0 after a success).
    int lastErrno() const { return m_lastErrno; }

private:
    explicit SockDiagSocket(int fd);
    bool sendRequest(const SockDiagRequest &request);

    int m_fd = -1;
    int m_lastErrno = 0;
    std::uint32_t m_sequence = 0;
    std::vector<std::uint8_t> m_requestBuffer;
    std::vector<std::uint8_t> m_receiveBuffer;
};

} // namespace anycast
