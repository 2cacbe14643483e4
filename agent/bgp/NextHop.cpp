#include "NextHop.h"

#include "Prefix.h"

namespace anycast {

Result<NextHop> NextHop::parse(const QString &text)
{
    NextHop nextHop;
    if (text == QLatin1String("self"))
        return Result<NextHop>::success(nextHop);
    const auto address = IpAddress::parse(text);
    if (!address)
        return Result<NextHop>::failure(address.error());
    // The address as a host route: the same ranges that no prefix may be in.
    const auto host =
        Prefix::parse(QStringLiteral("%1/%2").arg(address->toString()).arg(address->bitCount()));
    if (!host)
        return Result<NextHop>::failure(host.error());
    if (const QString problem = host->announceProblem(); !problem.isEmpty())
        return Result<NextHop>::failure(problem);
    nextHop.m_address = address.value();
    return Result<NextHop>::success(nextHop);
}

QString NextHop::toString() const
{
    return m_address ? m_address->toString() : QStringLiteral("self");
}

} // namespace anycast
