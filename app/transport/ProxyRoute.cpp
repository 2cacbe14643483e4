#include "app/transport/ProxyRoute.h"

#include <QRegularExpression>

namespace anycast {

Result<ProxyRoute> ProxyRoute::fromProxyCommand(const QString &proxyCommand)
{
    using R = Result<ProxyRoute>;
    ProxyRoute route;
    if (proxyCommand.isEmpty() ||
        proxyCommand.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return R::success(route);
    static const QRegularExpression generated(QStringLiteral(
        "^ssh(?: -l (\\S+))?(?: -p (\\S+))?(?: -J (\\S+))? -W '\\[%h\\]:%p' (\\S+)$"));
    const QRegularExpressionMatch match = generated.match(proxyCommand);
    if (!match.hasMatch()) {
        route.kind = Kind::Command;
        route.command = proxyCommand;
        return R::success(route);
    }
    QString first = match.captured(4);
    if (first.contains(QLatin1Char(':')) && !first.startsWith(QLatin1Char('[')))
        first = QLatin1Char('[') + first + QLatin1Char(']');
    if (!match.captured(1).isEmpty())
        first = match.captured(1) + QLatin1Char('@') + first;
    if (!match.captured(2).isEmpty())
        first += QLatin1Char(':') + match.captured(2);
    QStringList texts{first};
    if (!match.captured(3).isEmpty())
        texts += match.captured(3).split(QLatin1Char(','));
    route.kind = Kind::Jump;
    for (const QString &text : texts) {
        const auto hop = SshDestination::parse(text);
        if (!hop)
            return R::failure(QStringLiteral("ProxyJump %1: %2").arg(text, hop.error()));
        route.hops.append(hop.value());
    }
    return R::success(route);
}

} // namespace anycast
