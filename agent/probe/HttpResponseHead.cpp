#include "agent/probe/HttpResponseHead.h"

#include <QList>

#include <algorithm>

namespace anycast {
namespace {

QByteArray withoutCr(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool allDigits(const QByteArray &text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "HTTP/1.1 200 OK": the version, one space, three digits, then a space or the end.
std::optional<int> statusOf(const QByteArray &line)
{
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || line[8] != ' ')
        return std::nullopt;
    if (line[7] != '0' && line[7] != '1')
        return std::nullopt;
    const QByteArray code = line.mid(9, 3);
    if (!allDigits(code) || (line.size() > 12 && line[12] != ' '))
        return std::nullopt;
    const int status = code.toInt();
    return status >= 100 ? std::optional(status) : std::nullopt;
}

} // namespace

bool HttpResponseHead::bodyless() const
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

HttpResponseHead::Parse HttpResponseHead::parse(const QByteArray &bytes, HttpResponseHead &head,
                                                QString &error)
{
    // The head ends at the first empty line.
    qsizetype end = -1;
    qsizetype lineStart = 0;
    QList<QByteArray> lines;
    while (lineStart < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', lineStart);
        if (newline < 0)
            break;
        const QByteArray line = withoutCr(bytes.mid(lineStart, newline - lineStart));
        lineStart = newline + 1;
        if (line.isEmpty()) {
            end = lineStart;
            break;
        }
        lines.append(line);
    }
    if (end < 0) {
        if (bytes.size() > kMaxHeaderBytes) {
            error = QStringLiteral("no end of the headers in %1 bytes").arg(kMaxHeaderBytes);
            return Parse::Malformed;
        }
        if (lines.isEmpty() || statusOf(lines.first()))
            return Parse::NeedMore;
        error = QStringLiteral("not an HTTP/1 status line");
        return Parse::Malformed;
    }
    if (end > kMaxHeaderBytes) {
        error = QStringLiteral("headers longer than %1 bytes").arg(kMaxHeaderBytes);
        return Parse::Malformed;
    }
    const std::optional<int> status = lines.isEmpty() ? std::nullopt : statusOf(lines.first());
    if (!status) {
        error = QStringLiteral("not an HTTP/1 status line");
        return Parse::Malformed;
    }
    HttpResponseHead result;
    result.status = *status;
    result.headerBytes = end;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0) {
            error = QStringLiteral("a header line without a name");
            return Parse::Malformed;
        }
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        if (name == "content-length") {
            // Two different lengths make the end of the answer ambiguous: refused (RFC 9112).
            if (!allDigits(value) || value.size() > 15 ||
                (result.contentLength && *result.contentLength != value.toLongLong())) {
                error = QStringLiteral("a bad Content-Length");
                return Parse::Malformed;
            }
            result.contentLength = value.toLongLong();
        } else if (name == "transfer-encoding") {
            result.chunked = value.toLower().endsWith("chunked");
        }
    }
    head = result;
    return Parse::Complete;
}

} // namespace anycast
