#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace anycast {

// Splits a byte stream into '\n'-terminated lines (a trailing '\r' dropped), refusing to
// buffer more than `maxLineBytes` of one line: a peer that never sends '\n' cannot make the
// reader grow without bound.
class LineFramer
{
public:
    explicit LineFramer(qsizetype maxLineBytes);

    void append(QByteArrayView bytes);
    // The next complete line without its terminator, or nullopt when none is complete (or
    // the stream overflowed).
    std::optional<QByteArray> nextLine();
    // A line longer than the limit arrived; the stream cannot be resynchronised.
    bool overflowed() const { return m_overflowed; }
    qsizetype maxLineBytes() const { return m_maxLineBytes; }
    void clear();

private:
    qsizetype m_maxLineBytes;
    QByteArray m_buffer;
    qsizetype m_consumed = 0; // bytes of m_buffer already returned
    qsizetype m_scanned = 0;  // bytes after m_consumed known to hold no '\n'
    bool m_overflowed = false;
};

} // namespace anycast
