#include "ExabgpCommands.h"

namespace anycast {

ExabgpCommands::ExabgpCommands(QString nextHop, quint32 localAs)
    : m_nextHop(std::move(nextHop))
    , m_localAs(localAs)
{}

QString ExabgpCommands::announce(const PrefixDecision &decision) const
{
    QString command =
        QStringLiteral("announce route %1 next-hop %2 med %3")
            .arg(decision.prefix, m_nextHop, QString::number(decision.attributes.med));
    if (!decision.attributes.communities.isEmpty()) {
        command += QStringLiteral(" community [%1]")
                       .arg(decision.attributes.communities.join(QLatin1Char(' ')));
    }
    if (decision.attributes.prepend > 0) {
        QStringList path;
        // The path as sent: ExaBGP uses an explicit as-path verbatim (it does not add its own
        // AS again), so n prepends are n + 1 copies of the local AS.
        for (int i = 0; i <= decision.attributes.prepend; ++i)
            path.append(QString::number(m_localAs));
        command += QStringLiteral(" as-path [%1]").arg(path.join(QLatin1Char(' ')));
    }
    return command;
}

QString ExabgpCommands::withdraw(const QString &prefix) const
{
    return QStringLiteral("withdraw route %1 next-hop %2").arg(prefix, m_nextHop);
}

QString ExabgpCommands::forDecision(const PrefixDecision &decision) const
{
    return decision.announced() ? announce(decision) : withdraw(decision.prefix);
}

} // namespace anycast
