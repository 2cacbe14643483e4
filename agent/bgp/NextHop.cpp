#include "agent/bgp/NextHop.h"

#include "common/Prefix.h"

namespace anycast {

namespace {

// Why the address cannot be a next hop: the ranges that no prefix may be in either.
QString rangeProblem(const IpAddress &address)
{
    const auto host =
        Prefix::parse(QStringLiteral("%1/%2").arg(address.toString()).arg(address.bitCount()));
    return host ? host->announceProblem() : host.error();
}

} // namespace

Result<NextHop> NextHop::parse(const QString &text)
{
    NextHop nextHop;
    if (text == QLatin1String("self"))
        return Result<NextHop>::success(nextHop);
    const auto address = IpAddress::parse(text);
    if (!address) {
        // A canonical spelling that would be refused anyway is no suggestion: say both.
        const auto meant = IpAddress::parseLenient(text);
        const QString problem = meant ? rangeProblem(*meant) : QString();
        if (problem.isEmpty())
            return Result<NextHop>::failure(address.error());
        return Result<NextHop>::failure(
            QStringLiteral("%1; and %2 %3")
                .arg(IpAddress::spellingProblem(text), meant->toString(), problem));
    }
    if (const QString problem = rangeProblem(address.value()); !problem.isEmpty())
        return Result<NextHop>::failure(problem);
    nextHop.m_address = address.value();
    return Result<NextHop>::success(nextHop);
}

QString NextHop::toString() const
{
    return m_address ? m_address->toString() : QStringLiteral("self");
}

} // namespace anycast
