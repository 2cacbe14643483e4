#include "agent/anycastctl/ConsoleText.h"

#include <QDateTime>

#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace anycast {
namespace {

bool printable(char32_t codePoint)
{
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

void appendEscape(QString &into, char16_t unit)
{
    into += QStringLiteral("\\u%1").arg(static_cast<uint>(unit), 4, 16, QLatin1Char('0'));
}

} // namespace

QString escapeNonPrintable(QStringView text, Newlines newlines)
{
    QString escaped;
    escaped.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text[i];
        const bool pair =
            unit.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        const char32_t codePoint =
            pair ? QChar::surrogateToUcs4(unit, text[i + 1]) : char32_t(unit.unicode());
        const bool keep = (unit == u'\n' && newlines == Newlines::Keep) ||
                          (unit != u'\n' && printable(codePoint));
        if (keep) {
            escaped += unit;
            if (pair)
                escaped += text[i + 1];
        } else {
            appendEscape(escaped, unit.unicode());
            if (pair)
                appendEscape(escaped, text[i + 1].unicode());
        }
        i += pair ? 1 : 0;
    }
    return escaped;
}

void writeText(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = escapeNonPrintable(text, Newlines::Keep).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

int terminalWidth()
{
    winsize size = {};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
        size.ws_col > 0)
        return size.ws_col;
    bool ok = false;
    const int columns = qEnvironmentVariableIntValue("COLUMNS", &ok);
    return ok && columns > 0 ? columns : 100;
}

QString elide(const QString &text, int width)
{
    if (width <= 0 || text.size() <= width)
        return text;
    constexpr int kMarker = 3;
    if (width <= kMarker)
        return text.left(width);
    return text.left(width - kMarker) + QStringLiteral("...");
}

QString utcTime(const QString &iso, bool withDate)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return time.isValid() ? utcTime(time, withDate) : iso;
}

QString utcTime(const QDateTime &time, bool withDate)
{
    return time.toUTC().toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'")
                                          : QStringLiteral("HH:mm:ss'Z'"));
}

} // namespace anycast
