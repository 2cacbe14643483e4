#include "app/models/CsvWriter.h"

namespace anycast {

QByteArray CsvWriter::field(const QString &value)
{
    const bool quoted = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                        value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')) ||
                        value.startsWith(QLatin1Char(' ')) || value.endsWith(QLatin1Char(' '));
    if (!quoted)
        return value.toUtf8();
    QString text = value;
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + text.toUtf8() + '"';
}

QByteArray CsvWriter::record(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += field(fields[i]);
    }
    return line + "\r\n";
}

QByteArray CsvWriter::document(const QList<QStringList> &records)
{
    QByteArray text;
    for (const QStringList &fields : records)
        text += record(fields);
    return text;
}

} // namespace anycast
