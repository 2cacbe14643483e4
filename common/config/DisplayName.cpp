#include "common/config/DisplayName.h"

#include <QList>

namespace anycast {

QString displayNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("is empty");
    const QList<uint> characters = name.toUcs4();
    if (characters.size() > kMaxDisplayNameLength)
        return QStringLiteral("is longer than %1 characters").arg(kMaxDisplayNameLength);
    for (const uint character : characters) {
        if (character == ' ')
            continue;
        if (QChar::isSpace(character))
            return QStringLiteral("contains whitespace other than spaces (a tab, a line break)");
        if (!QChar::isPrint(character))
            return QStringLiteral("contains a control or invisible character (U+%1)")
                .arg(QString::number(character, 16).toUpper().rightJustified(4, QLatin1Char('0')));
    }
    if (name.front() == QLatin1Char(' ') || name.back() == QLatin1Char(' '))
        return QStringLiteral("starts or ends with a space");
    return {};
}

} // namespace anycast
