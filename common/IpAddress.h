#pragma once

#include "common/Result.h"

#include <QString>

#include <array>
#include <compare>
#include <optional>

namespace anycast {

// An IPv4 or IPv6 address accepted only in its one canonical spelling: IPv4 as four
// decimal parts without leading zeros, IPv6 as RFC 5952 writes it (lowercase, no leading
// zeros, the first longest run of zero groups compressed). Text that means the same address
// in another spelling is refused with the canonical one suggested, so a value read from a
// config file is exactly what is later written to ExaBGP or shown to an operator.
class IpAddress final
{
public:
    enum class Family : quint8
    {
        IPv4,
        IPv6,
    };

    // Errors read after the quoted text: "has zero-padded parts ...; did you mean 192.0.2.1?".
    static Result<IpAddress> parse(const QString &text);
    // parse()'s reason without the suggestion, or empty when `text` is canonical.
    static QString spellingProblem(const QString &text);
    // Any spelling inet_pton(3) takes, plus zero-padded IPv4 parts read as decimal: the
    // address an operator most likely meant, for suggestions. Nothing is accepted through it.
    static std::optional<IpAddress> parseLenient(const QString &text);

    Family family() const { return m_family; }
    int bitCount() const { return m_family == Family::IPv4 ? 32 : 128; }
    // Network byte order; IPv4 uses the first 4 bytes, the rest are zero.
    const std::array<quint8, 16> &bytes() const { return m_bytes; }
    bool bit(int index) const;
    // The first `length` bits kept, the rest cleared.
    IpAddress masked(int length) const;
    QString toString() const;

    auto operator<=>(const IpAddress &) const = default;
    bool operator==(const IpAddress &) const = default;

private:
    Family m_family = Family::IPv4;
    std::array<quint8, 16> m_bytes{};
};

// The problem with `text` that must be reported before anything else: empty, whitespace or
// control characters (trailing words, as in "fe80::1 next-hop 10.9.9.9"), a zone ("%eth0"),
// or a character that no address has. Empty when none of these apply.
QString addressTextProblem(const QString &text, const QString &allowedPunctuation);

} // namespace anycast
