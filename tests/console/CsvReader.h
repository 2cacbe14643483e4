#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace anycast::consoletest {

// A strict RFC 4180 reader for the tests that read exported CSV back: quoted fields with
// doubled quotes, CRLF between records. Nullopt on anything else (a quote inside an unquoted
// field, text after a closing quote, an unterminated quote, a bare LF between records).
std::optional<QList<QStringList>> readCsv(const QByteArray &bytes);

} // namespace anycast::consoletest
