#pragma once

#include <cstdint>
#include <vector>

namespace anycast {

// Builds inet_diag bytecode (INET_DIAG_REQ_BYTECODE) so the kernel itself drops sockets we
// do not want before it fills a message for them. The program must pass the kernel's
// audit (net/ipv4/inet_diag.c, inet_diag_bc_audit): every op lies on the chain of `yes`
// jumps, and every `no` jump lands on an op of that chain or just past the end
// (past the end + 4 = reject).
class InetDiagFilter
{
public:
    // Accept sockets whose local port is one of `ports`.
    static std::vector<std::uint8_t> localPortIn(const std::vector<std::uint16_t> &ports);

    // Runs a program as the kernel would (inet_diag_bc_run, port ops only); for tests.
    static bool matches(const std::vector<std::uint8_t> &program, std::uint16_t localPort);
    // The kernel's audit, port ops only; for tests.
    static bool passesAudit(const std::vector<std::uint8_t> &program);
};

} // namespace anycast
