#include "tests/console/CsvReader.h"

namespace anycast::consoletest {

std::optional<QList<QStringList>> readCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool fieldStarted = false;
    while (i < n) {
        if (!fieldStarted && text[i] == QLatin1Char('"')) {
            ++i;
            for (;;) {
                if (i >= n)
                    return std::nullopt; // unterminated quote
                if (text[i] == QLatin1Char('"')) {
                    if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            if (i < n && text[i] != QLatin1Char(',') && text[i] != QLatin1Char('\r'))
                return std::nullopt;
            fieldStarted = true;
            continue;
        }
        const QChar c = text[i];
        if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= n || text[i + 1] != QLatin1Char('\n'))
                return std::nullopt;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\n')) {
            return std::nullopt;
        } else {
            field += c;
            fieldStarted = true;
            ++i;
        }
    }
    if (fieldStarted || !record.isEmpty())
        return std::nullopt; // the last record lacks its CRLF
    return records;
}

} // namespace anycast::consoletest
