#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace anycast {

// The start of an HTTP/1.x response, parsed strictly from the bytes a service sent: the
// status line, then the headers that say where the answer ends. Pure.
struct HttpResponseHead
{
    int status = 0;
    qsizetype headerBytes = 0;           // status line and headers, the blank line included
    std::optional<qint64> contentLength; // a Content-Length header
    bool chunked = false;                // Transfer-Encoding: chunked
    // 1xx, 204 and 304 carry no body: the answer ends with the headers.
    bool bodyless() const;
    // 1xx but 101: an interim answer, the final one follows on the same connection.
    bool interim() const { return status >= 100 && status < 200 && status != 101; }

    static constexpr qsizetype kMaxHeaderBytes = 16 * 1024;

    enum class Parse
    {
        Complete,  // head is set
        NeedMore,  // no blank line yet, and within kMaxHeaderBytes
        Malformed, // `error` says why
    };
    // Parses what arrived so far. Tolerates a bare LF as a line end, as clients must.
    static Parse parse(const QByteArray &bytes, HttpResponseHead &head, QString &error);
};

} // namespace anycast
