#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace anycast::bench {

// The least any sock_diag sampler can do to see every TCP socket once: one walk of the
// kernel's TCP table for both families (the legacy TCPDIAG_GETSOCK request; one dump per
// family where a kernel refuses it), every state, no extensions, no filter, a 64 KiB buffer,
// and nothing done per socket but counting it. Written apart from the agent's SockDiagSocket on
// purpose, so that a cost hidden in the agent's code shows up as a gap to this floor instead of in
// both.
class RawNetlinkFloor
{
public:
    RawNetlinkFloor();
    ~RawNetlinkFloor();
    RawNetlinkFloor(const RawNetlinkFloor &) = delete;
    RawNetlinkFloor &operator=(const RawNetlinkFloor &) = delete;

    bool open(std::string *error);
    // Sockets the kernel sent for AF_INET and AF_INET6 together, or nullopt on error.
    std::optional<std::uint64_t> dumpAll(std::string *error);
    bool oneWalk() const { return !m_legacyRefused; }

private:
    // `family` AF_UNSPEC: the legacy one-walk request for both families.
    std::optional<std::uint64_t> dump(std::uint8_t family, std::string *error);

    bool m_legacyRefused = false;
    int m_fd = -1;
    std::uint32_t m_sequence = 0;
    std::vector<std::uint8_t> m_buffer;
};

} // namespace anycast::bench
