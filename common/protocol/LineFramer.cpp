#include "common/protocol/LineFramer.h"

namespace anycast {

LineFramer::LineFramer(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{}

void LineFramer::append(QByteArrayView bytes)
{
    if (m_overflowed)
        return;
    // Drop what was handed out before growing, so a long-lived stream does not keep it.
    if (m_consumed > 0 && m_consumed >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_consumed);
        m_consumed = 0;
    }
    m_buffer.append(bytes.data(), bytes.size());
}

std::optional<QByteArray> LineFramer::nextLine()
{
    if (m_overflowed)
        return std::nullopt;
    const qsizetype start = m_consumed;
    const qsizetype newline = m_buffer.indexOf('\n', start + m_scanned);
    if (newline < 0) {
        m_scanned = m_buffer.size() - start;
        // + 1: the line may yet end in "\r\n", and the '\r' is not content.
        if (m_scanned > m_maxLineBytes + 1) {
            m_overflowed = true;
            m_buffer.clear();
            m_consumed = m_scanned = 0;
        }
        return std::nullopt;
    }
    qsizetype end = newline;
    if (end > start && m_buffer.at(end - 1) == '\r')
        --end;
    if (end - start > m_maxLineBytes) {
        m_overflowed = true;
        m_buffer.clear();
        m_consumed = m_scanned = 0;
        return std::nullopt;
    }
    QByteArray line = m_buffer.sliced(start, end - start);
    m_consumed = newline + 1;
    m_scanned = 0;
    if (m_consumed == m_buffer.size()) {
        m_buffer.clear();
        m_consumed = 0;
    }
    return line;
}

void LineFramer::clear()
{
    m_buffer.clear();
    m_consumed = m_scanned = 0;
    m_overflowed = false;
}

} // namespace anycast
