#include "common/protocol/UndrainGate.h"

#include <QRegularExpression>

namespace anycast {

QString undrainGateReason(const UndrainGate &gate)
{
    return QStringLiteral("undrained: announcing after %1 healthy checks (%2 so far)")
        .arg(gate.needed)
        .arg(gate.seen);
}

std::optional<UndrainGate> undrainGateOf(const QString &reason)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^undrained: announcing after (\\d{1,4}) healthy checks \\((\\d{1,4}) so far\\)"));
    const QRegularExpressionMatch match = pattern.match(reason);
    if (!match.hasMatch())
        return std::nullopt;
    return UndrainGate{match.captured(1).toInt(), match.captured(2).toInt()};
}

} // namespace anycast
