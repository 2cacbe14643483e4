#include "common/protocol/TextParameter.h"

#include <algorithm>

namespace anycast {

std::optional<QString> textParameterProblem(QStringView text, qsizetype maxLength)
{
    if (text.isEmpty())
        return QStringLiteral("must not be empty");
    const auto isSpace = [](QChar character) { return character.isSpace(); };
    if (std::all_of(text.begin(), text.end(), isSpace))
        return QStringLiteral("must not be blank");
    if (text.front().isSpace() || text.back().isSpace())
        return QStringLiteral("must not start or end with whitespace");
    const auto isControl = [](QChar character) {
        return character.category() == QChar::Other_Control;
    };
    if (std::any_of(text.begin(), text.end(), isControl))
        return QStringLiteral("must not contain control characters");
    if (text.size() > maxLength)
        return QStringLiteral("longer than %1 characters").arg(maxLength);
    return std::nullopt;
}

} // namespace anycast
