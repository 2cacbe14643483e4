#include "common/Prefix.h"

#include <QHash>

#include <gtest/gtest.h>

#include <algorithm>

namespace anycast {
namespace {

struct Refused
{
    const char *text;
    const char *reason;               // the start of the error
    const char *suggestion = nullptr; // "did you mean X?", when there is one
};

void PrintTo(const Refused &row, std::ostream *out)
{
    *out << row.text;
}

class PrefixRefused : public ::testing::TestWithParam<Refused>
{};

TEST_P(PrefixRefused, WithReasonAndCanonicalSuggestion)
{
    const Refused &row = GetParam();
    const auto prefix = Prefix::parseAnnounceable(QString::fromUtf8(row.text));
    ASSERT_FALSE(prefix) << "accepted as " << prefix->toString().toStdString();
    EXPECT_TRUE(prefix.error().startsWith(QString::fromUtf8(row.reason)))
        << prefix.error().toStdString();
    if (row.suggestion) {
        EXPECT_TRUE(prefix.error().endsWith(
            QStringLiteral("; did you mean %1?").arg(QString::fromUtf8(row.suggestion))))
            << prefix.error().toStdString();
    } else {
        EXPECT_FALSE(prefix.error().contains(QStringLiteral("did you mean")))
            << prefix.error().toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Syntax, PrefixRefused,
    ::testing::Values(
        Refused{"", "is empty"}, Refused{"192.0.2.1/24", "has host bits set", "192.0.2.0/24"},
        Refused{"2001:db8::1/64", "has host bits set", "2001:db8::/64"},
        Refused{"192.0.2.1", "has no length", "192.0.2.1/32"},
        Refused{"2001:db8::1", "has no length", "2001:db8::1/128"},
        Refused{"192.0.2.1/", "has no length after '/'"},
        Refused{"192.0.2.1/33", "has a length over 32"},
        Refused{"2001:db8::/129", "has a length over 128"},
        Refused{"192.0.2.1/3x", "contains 'x', which is not part of an address"},
        Refused{"192.0.2.1/32/32", "has more than one '/'"},
        Refused{"192.0.2.1/+32", "contains '+'"},
        Refused{"192.0.2.1/032", "has a zero-padded length", "192.0.2.1/32"},
        Refused{"192.000.2.1/32", "has an address that has zero-padded parts", "192.0.2.1/32"},
        Refused{"192.0.2.010/32", "has an address that has zero-padded parts", "192.0.2.10/32"},
        Refused{"10.1/32", "has an address that is a shortened IPv4 address"},
        Refused{"10/8", "has an address that is a shortened IPv4 address"},
        Refused{"300.0.0.1/32", "has an address that is not an IPv4 address"},
        Refused{"192.0.2.300/32", "has an address that is not an IPv4 address"},
        Refused{"2001:DB8::1/128", "has an address that is not in canonical form",
                "2001:db8::1/128"},
        Refused{"2001:0db8::/32", "has an address that is not in canonical form", "2001:db8::/32"},
        Refused{"2001:db8:0:0:0:0:0:1/128", "has an address that is not in canonical form",
                "2001:db8::1/128"},
        // RFC 5952: the longest run of zeros is the one compressed, and a lone zero is not.
        Refused{"2001:db8:0:0:1::1/128", "has an address that is not in canonical form",
                "2001:db8::1:0:0:1/128"},
        Refused{"2001::1:0:0:0:1/128", "has an address that is not in canonical form",
                "2001:0:0:1::1/128"},
        Refused{"2001:db8::1:1:1:1:1/128", "has an address that is not in canonical form",
                "2001:db8:0:1:1:1:1:1/128"},
        // Several problems at once: the suggestion fixes them all.
        Refused{"2001:DB8::1/064", "has an address that is not in canonical form", "2001:db8::/64"},
        Refused{"2001:db8:::1/128", "has an address that is not an IPv6 address"},
        Refused{"fe80::1%eth0/128", "has a zone (%eth0/128)"},
        Refused{"fe80::1%eth0 next-hop 10.9.9.9/128", "contains whitespace"},
        Refused{" 192.0.2.1/32", "contains whitespace"},
        Refused{"192.0.2.1/32 ", "contains whitespace"},
        Refused{"192.0.2.1/32\n", "contains whitespace"},
        Refused{"192.0.2.1/32\x7f", "contains whitespace or a control character"},
        Refused{"192.0.2.1/32\u200b", "contains whitespace or a control character"},
        Refused{"\xef\xbc\x91\x39\x32.0.2.1/32", "contains '\xef\xbc\x91'"},
        Refused{"192.0.2.1/32;reboot", "contains ';'"}, Refused{"web.example/32", "contains 'w'"},
        Refused{"0x7f.0.0.1/32", "contains 'x'"}));

INSTANTIATE_TEST_SUITE_P(
    Space, PrefixRefused,
    ::testing::Values(
        Refused{"0.0.0.0/0", "is the default route"}, Refused{"::/0", "is the default route"},
        Refused{"128.0.0.0/1", "is shorter than /8"}, Refused{"2000::/3", "is shorter than /16"},
        Refused{"0.0.0.0/8", "is \"this network\""}, Refused{"0.0.0.0/32", "is \"this network\""},
        Refused{"127.0.0.1/32", "is loopback (127.0.0.0/8)"},
        Refused{"169.254.10.0/24", "is link-local (169.254.0.0/16)"},
        Refused{"169.0.0.0/8", "covers link-local (169.254.0.0/16)"},
        Refused{"224.0.0.1/32", "is multicast (224.0.0.0/4)"},
        Refused{"239.255.0.0/16", "is multicast"}, Refused{"240.0.0.0/8", "is reserved space"},
        Refused{"255.255.255.255/32", "is reserved space (240.0.0.0/4), with the broadcast"},
        Refused{"::/128", "is the unspecified address"},
        Refused{"::1/128", "is loopback (::1/128)"},
        Refused{"::ffff:192.0.2.1/128", "is IPv4-mapped"},
        Refused{"::192.0.2.1/128", "is IPv4-compatible"},
        Refused{"fe80::1/128", "is link-local (fe80::/10)"}, Refused{"fec0::/16", "is site-local"},
        Refused{"ff02::1/128", "is multicast (ff00::/8)"},
        Refused{"100::/64", "is outside IPv6 unicast space"},
        Refused{"4000::/16", "is outside IPv6 unicast space"}));

TEST(Prefix, NoSuggestionThatWouldBeRefusedInTurn)
{
    const auto padded = Prefix::parseAnnounceable(QStringLiteral("127.000.0.1/32"));
    ASSERT_FALSE(padded);
    EXPECT_EQ(padded.error(),
              QStringLiteral("has an address that has zero-padded parts, which some tools read as "
                             "octal; and 127.0.0.1/32 is loopback (127.0.0.0/8)"));
    // The syntax alone still suggests the spelling.
    EXPECT_TRUE(Prefix::parse(QStringLiteral("127.000.0.1/32"))
                    .error()
                    .endsWith(QStringLiteral("did you mean 127.0.0.1/32?")));
    const auto noLength = Prefix::parseAnnounceable(QStringLiteral("ff02::1"));
    ASSERT_FALSE(noLength);
    EXPECT_EQ(noLength.error(),
              QStringLiteral("has no length; and ff02::1/128 is multicast (ff00::/8)"));
}

TEST(Prefix, AcceptsCanonicalUnicastPrefixesIncludingDocumentationSpace)
{
    for (const char *text :
         {"192.0.2.0/24", "192.0.2.1/32", "198.51.100.0/24", "203.0.113.7/32", "2001:db8::/32",
          "2001:db8::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.1.0/24", "100.64.0.0/10",
          "1.1.1.0/24", "8.8.8.8/32", "2001:db8::1:0:0:1/128", "2001:0:0:1::1/128",
          "2001:db8:0:1:1:1:1:1/128", "fd00:1234::/32", "2a00:1450:4001::/48",
          "223.255.255.0/24"}) {
        const auto prefix = Prefix::parseAnnounceable(QString::fromLatin1(text));
        ASSERT_TRUE(prefix) << text << ": " << prefix.error().toStdString();
        EXPECT_EQ(prefix->toString(), QString::fromLatin1(text));
    }
}

TEST(Prefix, ParsesFamilyAddressAndLength)
{
    const auto v4 = Prefix::parse(QStringLiteral("192.0.2.128/25"));
    ASSERT_TRUE(v4) << v4.error().toStdString();
    EXPECT_EQ(v4->family(), Prefix::Family::IPv4);
    EXPECT_EQ(v4->length(), 25);
    EXPECT_EQ(v4->address().bytes()[0], 192);
    EXPECT_EQ(v4->address().bytes()[3], 128);
    const auto v6 = Prefix::parse(QStringLiteral("2001:db8::/32"));
    ASSERT_TRUE(v6) << v6.error().toStdString();
    EXPECT_EQ(v6->family(), Prefix::Family::IPv6);
    EXPECT_EQ(v6->length(), 32);
    EXPECT_EQ(v6->address().bytes()[0], 0x20);
    EXPECT_EQ(v6->address().bytes()[3], 0xb8);
}

TEST(Prefix, ContainmentAndOverlap)
{
    const auto block = Prefix::parse(QStringLiteral("192.0.2.0/24")).value();
    const auto host = Prefix::parse(QStringLiteral("192.0.2.1/32")).value();
    const auto other = Prefix::parse(QStringLiteral("198.51.100.0/24")).value();
    const auto v6 = Prefix::parse(QStringLiteral("::/96")).value();
    EXPECT_TRUE(block.contains(host));
    EXPECT_FALSE(host.contains(block));
    EXPECT_TRUE(block.contains(block));
    EXPECT_TRUE(host.overlaps(block));
    EXPECT_FALSE(block.overlaps(other));
    EXPECT_FALSE(v6.contains(Prefix::parse(QStringLiteral("0.0.0.0/32")).value()));
}

TEST(Prefix, SortsByFamilyAddressThenLengthAndHashesByValue)
{
    QList<Prefix> prefixes;
    for (const char *text : {"2001:db8::/32", "192.0.2.0/24", "192.0.2.0/25", "10.0.0.0/8"})
        prefixes.append(Prefix::parse(QString::fromLatin1(text)).value());
    std::sort(prefixes.begin(), prefixes.end());
    QStringList sorted;
    for (const Prefix &prefix : prefixes)
        sorted.append(prefix.toString());
    EXPECT_EQ(sorted,
              (QStringList{QStringLiteral("10.0.0.0/8"), QStringLiteral("192.0.2.0/24"),
                           QStringLiteral("192.0.2.0/25"), QStringLiteral("2001:db8::/32")}));
    QHash<Prefix, int> counts;
    ++counts[Prefix::parse(QStringLiteral("192.0.2.1/32")).value()];
    ++counts[Prefix::parse(QStringLiteral("192.0.2.1/32")).value()];
    ++counts[Prefix::parse(QStringLiteral("192.0.2.2/32")).value()];
    EXPECT_EQ(counts.size(), 2);
    EXPECT_EQ(counts.value(Prefix::parse(QStringLiteral("192.0.2.1/32")).value()), 2);
}

TEST(IpAddress, AcceptsOnlyTheCanonicalSpelling)
{
    EXPECT_TRUE(IpAddress::parse(QStringLiteral("198.51.100.7")));
    EXPECT_TRUE(IpAddress::parse(QStringLiteral("2001:db8::7")));
    EXPECT_TRUE(IpAddress::parse(QStringLiteral("::ffff:192.0.2.1")));
    const auto upper = IpAddress::parse(QStringLiteral("2001:DB8::7"));
    ASSERT_FALSE(upper);
    EXPECT_TRUE(upper.error().endsWith(QStringLiteral("did you mean 2001:db8::7?")))
        << upper.error().toStdString();
    const auto padded = IpAddress::parse(QStringLiteral("198.051.100.7"));
    ASSERT_FALSE(padded);
    EXPECT_TRUE(padded.error().endsWith(QStringLiteral("did you mean 198.51.100.7?")))
        << padded.error().toStdString();
    EXPECT_FALSE(IpAddress::parse(QStringLiteral("198.51.100")));
    EXPECT_FALSE(IpAddress::parse(QStringLiteral("198.51.100.7 ")));
    EXPECT_FALSE(IpAddress::parse(QStringLiteral("fe80::1%eth0")));
    EXPECT_FALSE(IpAddress::parse(QStringLiteral("198.51.100.7/32")));
}

} // namespace
} // namespace anycast
