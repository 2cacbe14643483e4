#pragma once

#include <QByteArray>

namespace anycast {

// The request line of an HTTP/1.x request, split but not interpreted.
struct HttpRequestHead
{
    QByteArray method;  // case-sensitive token, e.g. "GET"
    QByteArray target;  // as sent, e.g. "/status?pretty"
    QByteArray path;    // target without its query, e.g. "/status"
    QByteArray version; // "HTTP/1.0" or "HTTP/1.1"
};

// What the bytes received so far amount to.
enum class HeadState
{
    Incomplete, // no blank line yet, under the limit: wait for more
    Complete,   // request line and headers up to the blank line, all well formed
    TooLarge,   // no blank line within the limit (HTTP 431)
    Malformed,  // a request line or header line that is not HTTP/1.x (HTTP 400)
};

struct HeadParse
{
    HeadState state = HeadState::Incomplete;
    HttpRequestHead head; // meaningful only when state is Complete
};

// Pure: looks at the bytes a client sent so far. The request line is judged as soon as it
// is whole, so that garbage is answered at once instead of waiting for a blank line that a
// confused client may never send. Lines end in CRLF; a bare LF is accepted too (RFC 9112
// 2.2). `limit` bounds the head including its terminating blank line.
HeadParse parseRequestHead(const QByteArray &received, qsizetype limit);

} // namespace anycast
