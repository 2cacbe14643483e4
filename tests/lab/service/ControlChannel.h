#pragma once

#include "agent/support/FileDescriptor.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anycast::lab {

// A line-based conversation: commands come in on one descriptor, answers go out on another
// (stdin and stdout) or the same one (a client of the control socket). Answers that do not fit
// into the descriptor at once wait here until poll() says it is writable, so a control client
// that stops reading can never stall the service.
class ControlChannel
{
public:
    // Longer lines are refused with an error rather than buffered without bound.
    static constexpr std::size_t kMaxLineBytes = 4096;
    static constexpr std::size_t kMaxPendingBytes = 64 * 1024;

    // Over descriptors someone else owns (stdin and stdout): they stay open.
    ControlChannel(int inFd, int outFd);
    // Over a control socket client, both ways, closed with the channel.
    explicit ControlChannel(FileDescriptor socket);

    int inFd() const { return m_inFd; }
    int outFd() const { return m_outFd; }
    bool inputOpen() const { return !m_inputClosed; }
    // Whether to read more commands now: not while a client that does not read its answers
    // has a backlog of them, so its commands wait in the kernel instead of our memory.
    bool wantsInput() const
    {
        return !m_inputClosed && m_out.size() - m_outSent < kMaxPendingBytes;
    }
    bool hasPendingOutput() const { return m_out.size() > m_outSent; }
    // A socket channel is finished once its client has closed and every answer is out.
    bool finished() const { return m_broken || (m_inputClosed && !hasPendingOutput()); }

    // Reads what is there and returns the complete lines, without their line ends; an empty
    // optional stands for a line over kMaxLineBytes, to be refused in its turn. At the end of
    // input a last line without a newline counts too, so `printf stats | nc -U` works.
    std::vector<std::optional<std::string>> readLines();
    void answer(std::string_view line);
    void flush();

private:
    FileDescriptor m_owned;
    int m_inFd = -1;
    int m_outFd = -1;
    bool m_inputClosed = false;
    bool m_broken = false;     // the answer side failed; nothing more can be said
    bool m_discarding = false; // skipping the rest of an over-long line
    std::string m_in;
    std::string m_out;
    std::size_t m_outSent = 0;
};

} // namespace anycast::lab
