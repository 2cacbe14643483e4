#include "agent/http/HttpRequestHead.h"

#include <QByteArrayView>

namespace anycast {

namespace {

// tchar of RFC 9110 5.6.2: what a method or a header name may consist of.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible ASCII only: a target with spaces, controls or bytes >= 0x80 is not one we serve.
bool isTarget(QByteArrayView text)
{
    if (text.isEmpty() || (text.front() != '/' && text != "*"))
        return false;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f)
            return false;
    }
    return true;
}

QByteArrayView withoutCr(QByteArrayView line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

// METHOD SP TARGET SP HTTP/1.x, with exactly single spaces (RFC 9112 3).
bool parseRequestLine(QByteArrayView line, HttpRequestHead &head)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace)
        return false;
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(method) || !isTarget(target) || (version != "HTTP/1.1" && version != "HTTP/1.0"))
        return false;
    head.method = method.toByteArray();
    head.target = target.toByteArray();
    const qsizetype query = target.indexOf('?');
    head.path = (query < 0 ? target : target.first(query)).toByteArray();
    head.version = version.toByteArray();
    return true;
}

// NAME ":" VALUE; no whitespace before the colon (RFC 9112 5.1), no obsolete line folding.
bool isHeaderLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return false;
    // Bytes >= 0x80 (obs-text) are allowed in values; controls other than tab are not.
    for (const char c : line.sliced(colon + 1)) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
            return false;
    }
    return true;
}

} // namespace

HeadParse parseRequestHead(const QByteArray &received, qsizetype limit)
{
    HeadParse result;
    const QByteArrayView window = QByteArrayView(received).first(qMin(received.size(), limit));

    // RFC 9112 2.2: a server should ignore empty lines before the request line.
    qsizetype start = 0;
    while (start < window.size() && (window[start] == '\r' || window[start] == '\n'))
        ++start;

    const qsizetype requestLineEnd = window.indexOf('\n', start);
    if (requestLineEnd < 0)
        return {received.size() >= limit ? HeadState::TooLarge : HeadState::Incomplete, {}};
    if (!parseRequestLine(withoutCr(window.sliced(start, requestLineEnd - start)), result.head))
        return {HeadState::Malformed, {}};

    qsizetype lineStart = requestLineEnd + 1;
    while (true) {
        const qsizetype lineEnd = window.indexOf('\n', lineStart);
        if (lineEnd < 0)
            break;
        const QByteArrayView line = withoutCr(window.sliced(lineStart, lineEnd - lineStart));
        if (line.isEmpty()) {
            result.state = HeadState::Complete;
            return result;
        }
        if (!isHeaderLine(line))
            return {HeadState::Malformed, {}};
        lineStart = lineEnd + 1;
    }
    return {received.size() >= limit ? HeadState::TooLarge : HeadState::Incomplete, {}};
}

} // namespace anycast
