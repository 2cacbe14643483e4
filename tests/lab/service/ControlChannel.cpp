#include "tests/lab/service/ControlChannel.h"

#include <cerrno>
#include <unistd.h>
#include <utility>

namespace anycast::lab {

ControlChannel::ControlChannel(int inFd, int outFd)
    : m_inFd(inFd)
    , m_outFd(outFd)
{}

ControlChannel::ControlChannel(FileDescriptor socket)
    : m_owned(std::move(socket))
    , m_inFd(m_owned.get())
    , m_outFd(m_owned.get())
{}

std::vector<std::optional<std::string>> ControlChannel::readLines()
{
    std::vector<std::optional<std::string>> lines;
    char chunk[4096];
    const ssize_t n = ::read(m_inFd, chunk, sizeof chunk);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return lines;
    if (n <= 0) {
        m_inputClosed = true;
        if (!m_in.empty() && !m_discarding)
            lines.emplace_back(m_in);
        m_in.clear();
        return lines;
    }

    m_in.append(chunk, static_cast<std::size_t>(n));
    std::size_t start = 0;
    for (std::size_t end = m_in.find('\n'); end != std::string::npos;
         end = m_in.find('\n', start)) {
        if (m_discarding)
            m_discarding = false; // the end of a line already refused
        else if (end - start > kMaxLineBytes)
            lines.emplace_back(std::nullopt);
        else
            lines.emplace_back(m_in.substr(start, end - start));
        start = end + 1;
    }
    m_in.erase(0, start);
    if (m_in.size() > kMaxLineBytes) {
        // Refused now, in its place among the lines; the rest of it is skipped as it comes.
        if (!m_discarding)
            lines.emplace_back(std::nullopt);
        m_discarding = true;
    }
    if (m_discarding)
        m_in.clear();
    return lines;
}

void ControlChannel::answer(std::string_view line)
{
    if (m_broken)
        return;
    m_out.append(line);
    m_out.push_back('\n');
    flush();
}

void ControlChannel::flush()
{
    while (!m_broken && hasPendingOutput()) {
        // write(), not send(): the answer side may be stdout, a pipe or a terminal.
        const ssize_t n = ::write(m_outFd, m_out.data() + m_outSent, m_out.size() - m_outSent);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                m_broken = true;
            return;
        }
        m_outSent += static_cast<std::size_t>(n);
    }
    m_out.clear();
    m_outSent = 0;
}

} // namespace anycast::lab
