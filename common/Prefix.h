#pragma once

#include "common/IpAddress.h"
#include "common/Result.h"

#include <QString>

#include <compare>

namespace anycast {

// An IP prefix, "ADDRESS/LENGTH", accepted only as exactly one canonical token: the address
// canonical (see IpAddress), the length in decimal without padding, no host bits set. Refused
// text gets the reason and, when one exists, the canonical form ("did you mean
// 192.0.2.0/24?"). Orders by family, address, then length, so lists sort as operators expect.
class Prefix final
{
public:
    using Family = IpAddress::Family;

    // Errors read after the quoted text: "has host bits set; did you mean 192.0.2.0/24?".
    static Result<Prefix> parse(const QString &text);
    // parse(), then announceProblem(): the one check every prefix from a config goes
    // through. A canonical form is suggested only when it could be announced.
    static Result<Prefix> parseAnnounceable(const QString &text);

    Family family() const { return m_address.family(); }
    const IpAddress &address() const { return m_address; }
    int length() const { return m_length; }
    QString toString() const;

    // Whether `other` lies within this prefix (a prefix contains itself).
    bool contains(const Prefix &other) const;
    bool overlaps(const Prefix &other) const { return contains(other) || other.contains(*this); }

    // Why an anycast node must not announce this prefix, or empty when it may: the default
    // route and other too-broad routes, and every range that is not global unicast
    // (loopback, unspecified, link-local, multicast, reserved and broadcast, IPv4-mapped and
    // -compatible IPv6, ...). Private and documentation space are allowed: labs use them.
    QString announceProblem() const;

    auto operator<=>(const Prefix &) const = default;
    bool operator==(const Prefix &) const = default;

private:
    struct Reading;

    Prefix(IpAddress address, int length);
    static Reading read(const QString &text);

    IpAddress m_address;
    int m_length = 0;
};

size_t qHash(const Prefix &prefix, size_t seed = 0);

} // namespace anycast
