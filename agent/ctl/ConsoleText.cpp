#include "ConsoleText.h"

#include <QDateTime>

#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace anycast {

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
    if (!time.isValid())
        return iso;
    return time.toUTC().toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'")
                                          : QStringLiteral("HH:mm:ss'Z'"));
}

} // namespace anycast
