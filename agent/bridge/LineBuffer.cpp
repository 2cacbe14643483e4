#include "agent/bridge/LineBuffer.h"

namespace anycast {

void LineBuffer::append(std::string_view bytes)
{
    while (!bytes.empty()) {
        const std::size_t newline = bytes.find('\n');
        const std::string_view head = bytes.substr(0, newline);
        if (m_discarding) {
            // The rest of an oversize line: skip it, resume after its '\n'.
            m_discarding = newline == std::string_view::npos;
        } else if (m_partial.size() + head.size() > m_maxLineBytes) {
            m_partial.clear();
            m_discarding = newline == std::string_view::npos;
            ++m_dropped;
        } else {
            m_partial.append(head);
            if (newline != std::string_view::npos)
                completeLine();
        }
        if (newline == std::string_view::npos)
            return;
        bytes.remove_prefix(newline + 1);
    }
}

void LineBuffer::completeLine()
{
    m_lines.push_back(std::move(m_partial));
    m_partial.clear();
}

std::optional<std::string> LineBuffer::nextLine()
{
    if (m_lines.empty())
        return std::nullopt;
    std::string line = std::move(m_lines.front());
    m_lines.pop_front();
    return line;
}

std::size_t LineBuffer::takeDroppedLines()
{
    const std::size_t dropped = m_dropped;
    m_dropped = 0;
    return dropped;
}

void LineBuffer::clear()
{
    m_partial.clear();
    m_lines.clear();
    m_discarding = false;
}

void WriteBuffer::consume(std::size_t bytes)
{
    m_offset += bytes;
    if (m_offset >= m_data.size()) {
        m_data.clear();
        m_offset = 0;
    } else if (m_offset > m_data.size() / 2) {
        m_data.erase(0, m_offset);
        m_offset = 0;
    }
}

void WriteBuffer::clear()
{
    m_data.clear();
    m_offset = 0;
}

} // namespace anycast
