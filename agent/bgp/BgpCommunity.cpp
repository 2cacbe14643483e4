#include "agent/bgp/BgpCommunity.h"

#include "common/AsciiDigits.h"

#include <QStringList>

#include <optional>

namespace anycast {
namespace {

// Digits only, at most 65535; leading zeros are read (and reported by the caller).
std::optional<quint16> sixteenBits(const QString &text)
{
    if (!isAsciiDigits(text) || text.size() > 5)
        return std::nullopt;
    const uint value = text.toUInt();
    if (value > 65535)
        return std::nullopt;
    return static_cast<quint16>(value);
}

bool zeroPadded(const QString &text)
{
    return text.size() > 1 && text.startsWith(QLatin1Char('0'));
}

} // namespace

BgpCommunity::BgpCommunity(quint16 asn, quint16 value)
    : m_asn(asn)
    , m_value(value)
{}

Result<BgpCommunity> BgpCommunity::parse(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    const auto asn = parts.size() == 2 ? sixteenBits(parts[0]) : std::nullopt;
    const auto value = parts.size() == 2 ? sixteenBits(parts[1]) : std::nullopt;
    if (!asn || !value) {
        return Result<BgpCommunity>::failure(
            QStringLiteral("is not a community (ASN:VALUE, each a number from 0 to 65535)"));
    }
    const BgpCommunity community(*asn, *value);
    if (zeroPadded(parts[0]) || zeroPadded(parts[1])) {
        return Result<BgpCommunity>::failure(
            QStringLiteral("has zero-padded numbers; did you mean %1?").arg(community.toString()));
    }
    return Result<BgpCommunity>::success(community);
}

QString BgpCommunity::toString() const
{
    return QStringLiteral("%1:%2").arg(m_asn).arg(m_value);
}

} // namespace anycast
