#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace anycast {

// Splits a byte stream into '\n'-terminated lines of bounded length. A line longer than the
// limit is dropped as a whole (up to its '\n') instead of growing the buffer: a peer that sends
// garbage must not make the bridge run out of memory, and the lines after it still count.
class LineBuffer
{
public:
    explicit LineBuffer(std::size_t maxLineBytes)
        : m_maxLineBytes(maxLineBytes)
    {}

    void append(std::string_view bytes);
    // The next complete line, without its '\n'.
    std::optional<std::string> nextLine();
    // Lines dropped for length since the last call.
    std::size_t takeDroppedLines();
    // Forgets everything, e.g. a half line from a connection that just closed.
    void clear();

private:
    void completeLine();

    std::size_t m_maxLineBytes;
    std::string m_partial;
    std::deque<std::string> m_lines;
    bool m_discarding = false;
    std::size_t m_dropped = 0;
};

// Bytes waiting for a non-blocking descriptor. Consumed from the front by offset so that a
// slow reader does not cost a memmove of the whole buffer per write.
class WriteBuffer
{
public:
    void append(std::string_view bytes) { m_data.append(bytes); }
    std::string_view pending() const { return std::string_view(m_data).substr(m_offset); }
    std::size_t size() const { return m_data.size() - m_offset; }
    bool empty() const { return size() == 0; }
    void consume(std::size_t bytes);
    void clear();

private:
    std::string m_data;
    std::size_t m_offset = 0;
};

} // namespace anycast
