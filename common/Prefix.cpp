#include "common/Prefix.h"

#include "common/AsciiDigits.h"

#include <QByteArrayView>
#include <QHashFunctions>
#include <QList>

#include <algorithm>
#include <optional>
#include <utility>

namespace anycast {
namespace {

// Shorter prefixes than these span several registries' blocks: no anycast service owns one.
constexpr int kShortestIpv4 = 8;
constexpr int kShortestIpv6 = 16;

struct NamedRange
{
    Prefix range;
    QString what;
    QString remark; // after the range: why, or what to do instead
};

Prefix known(const char *text)
{
    const auto prefix = Prefix::parse(QString::fromLatin1(text));
    if (!prefix)
        qFatal("built-in prefix %s: %s", text, qPrintable(prefix.error()));
    return prefix.value();
}

// Most specific first: the first range that matches names the problem.
const QList<NamedRange> &namedRanges()
{
    static const QList<NamedRange> ranges = {
        {known("0.0.0.0/8"), QStringLiteral("\"this network\""),
         QStringLiteral(", never a destination")},
        {known("127.0.0.0/8"), QStringLiteral("loopback"), {}},
        {known("169.254.0.0/16"), QStringLiteral("link-local"), {}},
        {known("224.0.0.0/4"), QStringLiteral("multicast"), {}},
        {known("240.0.0.0/4"), QStringLiteral("reserved space"),
         QStringLiteral(", with the broadcast address 255.255.255.255")},
        {known("::/128"), QStringLiteral("the unspecified address"), {}},
        {known("::1/128"), QStringLiteral("loopback"), {}},
        {known("::ffff:0.0.0.0/96"), QStringLiteral("IPv4-mapped"),
         QStringLiteral("; announce the IPv4 prefix itself")},
        {known("::/96"), QStringLiteral("IPv4-compatible (deprecated)"),
         QStringLiteral("; announce the IPv4 prefix itself")},
        {known("fe80::/10"), QStringLiteral("link-local"), {}},
        {known("fec0::/10"), QStringLiteral("site-local (deprecated)"), {}},
        {known("ff00::/8"), QStringLiteral("multicast"), {}},
    };
    return ranges;
}

const QList<Prefix> &ipv6Unicast()
{
    static const QList<Prefix> ranges = {known("2000::/3"), known("fc00::/7")};
    return ranges;
}

// The length as written, if it is digits only and short enough to be one.
std::optional<int> lenientLength(const QString &text)
{
    if (!isAsciiDigits(text) || text.size() > 4)
        return std::nullopt;
    return text.toInt();
}

} // namespace

Prefix::Prefix(IpAddress address, int length)
    : m_address(std::move(address))
    , m_length(length)
{}

// What read() found: the prefix, or why not and (when the text can be read at all) its
// canonical form.
struct Prefix::Reading
{
    std::optional<Prefix> prefix;
    QString reason;
    std::optional<Prefix> suggestion;
};

Prefix::Reading Prefix::read(const QString &text)
{
    Reading reading;
    if (const QString problem = addressTextProblem(text, QStringLiteral(".:/"));
        !problem.isEmpty()) {
        reading.reason = problem;
        return reading;
    }
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString addressText = slash < 0 ? text : text.left(slash);
    const auto address = IpAddress::parseLenient(addressText);
    if (slash < 0) {
        reading.reason = address ? QStringLiteral("has no length")
                                 : QStringLiteral("is not ADDRESS/LENGTH (e.g. 192.0.2.1/32)");
        if (address)
            reading.suggestion = Prefix(*address, address->bitCount());
        return reading;
    }
    const QString lengthText = text.mid(slash + 1);
    if (lengthText.contains(QLatin1Char('/'))) {
        reading.reason = QStringLiteral("has more than one '/'");
        return reading;
    }
    const auto length = lenientLength(lengthText);
    const int maximum =
        address ? address->bitCount() : (addressText.contains(QLatin1Char(':')) ? 128 : 32);
    if (address && length && *length <= maximum)
        reading.suggestion = Prefix(address->masked(*length), *length);

    if (const QString problem = IpAddress::spellingProblem(addressText); !problem.isEmpty())
        reading.reason = QStringLiteral("has an address that ") + problem;
    else if (lengthText.isEmpty())
        reading.reason = QStringLiteral("has no length after '/'");
    else if (!length)
        reading.reason = QStringLiteral("has a length that is not a number");
    else if (*length > maximum)
        reading.reason = QStringLiteral("has a length over %1 (IPv%2 prefixes are /0 to /%1)")
                             .arg(maximum)
                             .arg(maximum == 32 ? 4 : 6);
    else if (lengthText.size() > 1 && lengthText.startsWith(QLatin1Char('0')))
        reading.reason = QStringLiteral("has a zero-padded length");
    else if (address->masked(*length) != *address)
        reading.reason = QStringLiteral("has host bits set");
    else
        reading.prefix = Prefix(*address, *length);
    return reading;
}

Result<Prefix> Prefix::parse(const QString &text)
{
    const Reading reading = read(text);
    if (reading.prefix)
        return Result<Prefix>::success(*reading.prefix);
    if (!reading.suggestion)
        return Result<Prefix>::failure(reading.reason);
    return Result<Prefix>::failure(
        QStringLiteral("%1; did you mean %2?").arg(reading.reason, reading.suggestion->toString()));
}

Result<Prefix> Prefix::parseAnnounceable(const QString &text)
{
    const Reading reading = read(text);
    if (reading.prefix) {
        if (const QString problem = reading.prefix->announceProblem(); !problem.isEmpty())
            return Result<Prefix>::failure(problem);
        return Result<Prefix>::success(*reading.prefix);
    }
    // A canonical form that could not be announced either is no suggestion: say both.
    if (reading.suggestion) {
        if (const QString problem = reading.suggestion->announceProblem(); !problem.isEmpty()) {
            return Result<Prefix>::failure(
                QStringLiteral("%1; and %2 %3")
                    .arg(reading.reason, reading.suggestion->toString(), problem));
        }
    }
    return parse(text);
}

QString Prefix::toString() const
{
    return QStringLiteral("%1/%2").arg(m_address.toString()).arg(m_length);
}

bool Prefix::contains(const Prefix &other) const
{
    if (family() != other.family() || other.m_length < m_length)
        return false;
    return other.m_address.masked(m_length) == m_address;
}

QString Prefix::announceProblem() const
{
    if (m_length == 0)
        return QStringLiteral("is the default route; an anycast node announces its services' "
                              "prefixes, never a default");
    const int shortest = family() == Family::IPv4 ? kShortestIpv4 : kShortestIpv6;
    if (m_length < shortest) {
        return QStringLiteral("is shorter than /%1: far too broad for an anycast service")
            .arg(shortest);
    }
    for (const NamedRange &named : namedRanges()) {
        if (named.range.contains(*this))
            return QStringLiteral("is %1 (%2)%3")
                .arg(named.what, named.range.toString(), named.remark);
        if (contains(named.range))
            return QStringLiteral("covers %1 (%2)%3")
                .arg(named.what, named.range.toString(), named.remark);
    }
    if (family() == Family::IPv6) {
        const QList<Prefix> &unicast = ipv6Unicast();
        if (std::none_of(unicast.begin(), unicast.end(),
                         [this](const Prefix &range) { return range.contains(*this); }))
            return QStringLiteral("is outside IPv6 unicast space (2000::/3 global, fc00::/7 "
                                  "unique local)");
    }
    return {};
}

size_t qHash(const Prefix &prefix, size_t seed)
{
    const auto &bytes = prefix.address().bytes();
    return qHashMulti(seed, static_cast<int>(prefix.family()), prefix.length(),
                      QByteArrayView(reinterpret_cast<const char *>(bytes.data()),
                                     static_cast<qsizetype>(bytes.size())));
}

} // namespace anycast
