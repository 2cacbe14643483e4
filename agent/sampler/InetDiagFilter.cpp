#include "agent/sampler/InetDiagFilter.h"

#include <cstring>

#include <linux/inet_diag.h>

namespace anycast {
namespace {

// A port comparison takes two ops: the comparison, then one whose `no` holds the port.
constexpr int kCompareSize = 2 * sizeof(inet_diag_bc_op);
constexpr int kJumpSize = sizeof(inet_diag_bc_op);
constexpr int kStepSize = kCompareSize + kJumpSize;

void put(std::vector<std::uint8_t> &program, std::uint8_t code, int yes, int no)
{
    inet_diag_bc_op op{};
    op.code = code;
    op.yes = static_cast<std::uint8_t>(yes);
    op.no = static_cast<std::uint16_t>(no);
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(&op);
    program.insert(program.end(), bytes, bytes + sizeof op);
}

inet_diag_bc_op opAt(const std::vector<std::uint8_t> &program, std::size_t offset)
{
    inet_diag_bc_op op{};
    std::memcpy(&op, program.data() + offset, sizeof op);
    return op;
}

} // namespace

// Each port becomes [S_EQ port][JMP]: the `yes` chain runs through every op, as the audit
// requires. A match lands on the JMP, which always takes `no`, to the end: accept. A
// non-match falls through to the next port; after the last port it jumps past the end:
// reject. Only one-step jumps, so `yes` (one byte) never limits the number of ports.
std::vector<std::uint8_t> InetDiagFilter::localPortIn(const std::vector<std::uint16_t> &ports)
{
    std::vector<std::uint8_t> program;
    const int total = static_cast<int>(ports.size()) * kStepSize;
    program.reserve(total);
    for (std::size_t i = 0; i < ports.size(); ++i) {
        const bool last = i + 1 == ports.size();
        const int remainingAtJump = total - static_cast<int>(i) * kStepSize - kCompareSize;
        put(program, INET_DIAG_BC_S_EQ, kCompareSize, last ? kStepSize + 4 : kStepSize);
        put(program, INET_DIAG_BC_NOP, 0, ports[i]);
        put(program, INET_DIAG_BC_JMP, kJumpSize, remainingAtJump);
    }
    return program;
}

bool InetDiagFilter::matches(const std::vector<std::uint8_t> &program, std::uint16_t localPort)
{
    int length = static_cast<int>(program.size());
    std::size_t position = 0;
    while (length > 0) {
        const inet_diag_bc_op op = opAt(program, position);
        bool yes = true;
        switch (op.code) {
        case INET_DIAG_BC_NOP:
            break;
        case INET_DIAG_BC_JMP:
            yes = false;
            break;
        case INET_DIAG_BC_S_EQ:
            yes = localPort == opAt(program, position + sizeof op).no;
            break;
        default:
            return false;
        }
        const int step = yes ? op.yes : op.no;
        length -= step;
        position += step;
    }
    return length == 0;
}

bool InetDiagFilter::passesAudit(const std::vector<std::uint8_t> &program)
{
    const int total = static_cast<int>(program.size());
    // valid_cc: is `target` (expressed as bytes remaining) the start of an op on the yes
    // chain, or the end?
    auto onYesChain = [&](int target) {
        int length = total;
        std::size_t position = 0;
        while (length >= 0) {
            if (target > length)
                return false;
            if (target == length)
                return true;
            const inet_diag_bc_op op = opAt(program, position);
            if (op.yes < 4 || (op.yes & 3))
                return false;
            length -= op.yes;
            position += op.yes;
        }
        return false;
    };
    int length = total;
    std::size_t position = 0;
    while (length > 0) {
        if (length < static_cast<int>(sizeof(inet_diag_bc_op)))
            return false;
        const inet_diag_bc_op op = opAt(program, position);
        int minimum = sizeof(inet_diag_bc_op);
        switch (op.code) {
        case INET_DIAG_BC_S_EQ:
            if (length < kCompareSize)
                return false;
            minimum = kCompareSize;
            break;
        case INET_DIAG_BC_JMP:
        case INET_DIAG_BC_NOP:
            break;
        default:
            return false;
        }
        if (op.code != INET_DIAG_BC_NOP) {
            if (op.no < minimum || op.no > length + 4 || (op.no & 3))
                return false;
            if (op.no < length && !onYesChain(length - op.no))
                return false;
        }
        if (op.yes < minimum || op.yes > length + 4 || (op.yes & 3))
            return false;
        position += op.yes;
        length -= op.yes;
    }
    return length == 0;
}

} // namespace anycast
