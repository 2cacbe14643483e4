#include "common/IpAddress.h"

#include "common/AsciiDigits.h"

#include <QStringList>

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>

namespace anycast {
namespace {

// Longer than any address or prefix: such text is reported without trying to read it.
constexpr qsizetype kMaxTextLength = 64;

bool isControlOrSpace(QChar character)
{
    switch (character.category()) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return true;
    default:
        return character.isSpace();
    }
}

// "192.000.2.010" read as decimal, when zero padding is all that is wrong with it.
std::optional<std::array<quint8, 4>> zeroPaddedIpv4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    std::array<quint8, 4> bytes{};
    for (int i = 0; i < 4; ++i) {
        const QString &part = parts[i];
        if (!isAsciiDigits(part) || part.size() > 8)
            return std::nullopt;
        const uint value = part.toUInt();
        if (value > 255)
            return std::nullopt;
        bytes[static_cast<size_t>(i)] = static_cast<quint8>(value);
    }
    return bytes;
}

bool isShortenedIpv4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    return parts.size() < 4 && std::all_of(parts.begin(), parts.end(),
                                           [](const QString &part) { return isAsciiDigits(part); });
}

} // namespace

QString addressTextProblem(const QString &text, const QString &allowedPunctuation)
{
    if (text.isEmpty())
        return QStringLiteral("is empty");
    if (text.size() > kMaxTextLength)
        return QStringLiteral("is longer than %1 characters").arg(kMaxTextLength);
    for (const QChar character : text) {
        if (isControlOrSpace(character)) {
            return QStringLiteral("contains whitespace or a control character; it must be "
                                  "exactly one value with nothing before or after it");
        }
    }
    if (const qsizetype percent = text.indexOf(QLatin1Char('%')); percent >= 0) {
        return QStringLiteral("has a zone (%1); routes and next hops have none")
            .arg(text.mid(percent));
    }
    for (const QChar character : text) {
        const bool hex = (character >= QLatin1Char('0') && character <= QLatin1Char('9')) ||
                         (character >= QLatin1Char('a') && character <= QLatin1Char('f')) ||
                         (character >= QLatin1Char('A') && character <= QLatin1Char('F'));
        if (!hex && !allowedPunctuation.contains(character))
            return QStringLiteral("contains '%1', which is not part of an address").arg(character);
    }
    return {};
}

std::optional<IpAddress> IpAddress::parseLenient(const QString &text)
{
    if (!addressTextProblem(text, QStringLiteral(".:")).isEmpty())
        return std::nullopt;
    const QByteArray latin1 = text.toLatin1();
    IpAddress address;
    if (text.contains(QLatin1Char(':'))) {
        address.m_family = Family::IPv6;
        if (::inet_pton(AF_INET6, latin1.constData(), address.m_bytes.data()) != 1)
            return std::nullopt;
        return address;
    }
    address.m_family = Family::IPv4;
    if (::inet_pton(AF_INET, latin1.constData(), address.m_bytes.data()) == 1)
        return address;
    if (const auto padded = zeroPaddedIpv4(text)) {
        std::memcpy(address.m_bytes.data(), padded->data(), padded->size());
        return address;
    }
    return std::nullopt;
}

QString IpAddress::spellingProblem(const QString &text)
{
    if (const QString problem = addressTextProblem(text, QStringLiteral(".:")); !problem.isEmpty())
        return problem;
    const bool ipv6 = text.contains(QLatin1Char(':'));
    const auto address = parseLenient(text);
    if (!address) {
        if (ipv6)
            return QStringLiteral("is not an IPv6 address");
        if (isShortenedIpv4(text))
            return QStringLiteral("is a shortened IPv4 address; write all four parts (a.b.c.d)");
        return QStringLiteral("is not an IPv4 address");
    }
    if (address->toString() == text)
        return {};
    if (ipv6) {
        return QStringLiteral("is not in canonical form (RFC 5952: lowercase, no leading zeros, "
                              "the longest run of zero groups as ::)");
    }
    return QStringLiteral("has zero-padded parts, which some tools read as octal");
}

Result<IpAddress> IpAddress::parse(const QString &text)
{
    const QString problem = spellingProblem(text);
    const auto address = parseLenient(text);
    if (problem.isEmpty() && address)
        return Result<IpAddress>::success(*address);
    if (!address)
        return Result<IpAddress>::failure(problem);
    return Result<IpAddress>::failure(
        QStringLiteral("%1; did you mean %2?").arg(problem, address->toString()));
}

bool IpAddress::bit(int index) const
{
    return (m_bytes[static_cast<size_t>(index / 8)] >> (7 - index % 8)) & 1;
}

IpAddress IpAddress::masked(int length) const
{
    IpAddress result = *this;
    for (int index = std::max(length, 0); index < 128; ++index)
        result.m_bytes[static_cast<size_t>(index / 8)] &=
            static_cast<quint8>(~(0x80 >> (index % 8)));
    return result;
}

QString IpAddress::toString() const
{
    char text[INET6_ADDRSTRLEN] = {};
    const int family = m_family == Family::IPv4 ? AF_INET : AF_INET6;
    if (!::inet_ntop(family, m_bytes.data(), text, sizeof text))
        return {};
    return QString::fromLatin1(text);
}

} // namespace anycast
