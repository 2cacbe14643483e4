#include "agent/bgp/ExabgpCommands.h"

#include "agent/bgp/BgpCommunity.h"
#include "common/Prefix.h"

namespace anycast {
namespace {

std::optional<NextHop> parsedNextHop(const QString &text)
{
    const auto nextHop = NextHop::parse(text);
    return nextHop ? std::optional<NextHop>(nextHop.value()) : std::nullopt;
}

} // namespace

ExabgpCommands::ExabgpCommands(const QString &nextHop, quint32 localAs)
    : m_nextHop(parsedNextHop(nextHop))
    , m_localAs(localAs)
{}

QString ExabgpCommands::announce(const PrefixDecision &decision) const
{
    const auto prefix = Prefix::parseAnnounceable(decision.prefix);
    if (!prefix || !m_nextHop)
        return {};
    QString command = QStringLiteral("announce route %1 next-hop %2 med %3")
                          .arg(prefix->toString(), m_nextHop->toString(),
                               QString::number(decision.attributes.med));
    if (!decision.attributes.communities.isEmpty()) {
        QStringList communities;
        for (const QString &text : decision.attributes.communities) {
            const auto community = BgpCommunity::parse(text);
            if (!community)
                return {};
            communities.append(community->toString());
        }
        command += QStringLiteral(" community [%1]").arg(communities.join(QLatin1Char(' ')));
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
    const auto parsed = Prefix::parseAnnounceable(prefix);
    if (!parsed || !m_nextHop)
        return {};
    return QStringLiteral("withdraw route %1 next-hop %2")
        .arg(parsed->toString(), m_nextHop->toString());
}

QString ExabgpCommands::forDecision(const PrefixDecision &decision) const
{
    return decision.announced() ? announce(decision) : withdraw(decision.prefix);
}

} // namespace anycast
