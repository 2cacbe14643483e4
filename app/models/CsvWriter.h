#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace anycast {

// RFC 4180 text in UTF-8: fields separated by commas, records ended by CRLF, a field quoted
// when it holds a comma, a quote, CR or LF (or starts or ends with a space), quotes inside
// doubled. Every value is written exactly as given: what is exported is what was recorded.
class CsvWriter
{
public:
    static QByteArray field(const QString &value);
    static QByteArray record(const QStringList &fields);
    static QByteArray document(const QList<QStringList> &records);
};

} // namespace anycast
