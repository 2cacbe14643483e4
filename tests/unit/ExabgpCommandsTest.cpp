// ExaBGP commands are built from parsed values only: whatever text reaches the builder, a
// command is either made of canonical tokens or not made at all.
#include "agent/bgp/ExabgpCommands.h"

#include "agent/bgp/BgpCommunity.h"
#include "agent/bgp/NextHop.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

PrefixDecision announced(const QString &prefix, QStringList communities = {})
{
    return {prefix, PrefixState::Announced, {100, std::move(communities), 0}, QStringLiteral("t")};
}

TEST(ExabgpCommandsParsed, CanonicalValuesMakeTheExpectedCommands)
{
    const ExabgpCommands commands(QStringLiteral("198.51.100.7"), 65001);
    EXPECT_EQ(commands.announce(
                  announced(QStringLiteral("2001:db8::1/128"), {QStringLiteral("65001:100")})),
              QStringLiteral("announce route 2001:db8::1/128 next-hop 198.51.100.7 med 100 "
                             "community [65001:100]"));
    EXPECT_EQ(commands.withdraw(QStringLiteral("192.0.2.1/32")),
              QStringLiteral("withdraw route 192.0.2.1/32 next-hop 198.51.100.7"));
}

TEST(ExabgpCommandsParsed, InjectedOrNonCanonicalTextMakesNoCommand)
{
    const ExabgpCommands commands(QStringLiteral("self"), 65001);
    for (const QString &prefix :
         {QStringLiteral("fe80::1%eth0 next-hop 10.9.9.9/128"),
          QStringLiteral("192.0.2.1/32\nannounce route 0.0.0.0/0 next-hop self"),
          QStringLiteral("192.0.2.1/24"), QStringLiteral("2001:DB8::1/128"),
          QStringLiteral("0.0.0.0/0"), QStringLiteral("192.0.2.1")}) {
        EXPECT_EQ(commands.announce(announced(prefix)), QString()) << prefix.toStdString();
        EXPECT_EQ(commands.withdraw(prefix), QString()) << prefix.toStdString();
    }
    EXPECT_EQ(commands.announce(announced(QStringLiteral("192.0.2.1/32"),
                                          {QStringLiteral("65001:1] as-path [1")})),
              QString());
    EXPECT_EQ(ExabgpCommands(QStringLiteral("self med 0"), 65001)
                  .announce(announced(QStringLiteral("192.0.2.1/32"))),
              QString());
}

TEST(NextHop, IsSelfOrACanonicalUnicastAddress)
{
    EXPECT_TRUE(NextHop::parse(QStringLiteral("self"))->isSelf());
    EXPECT_EQ(NextHop::parse(QStringLiteral("2001:db8::7"))->toString(),
              QStringLiteral("2001:db8::7"));
    EXPECT_FALSE(NextHop::parse(QStringLiteral("SELF")));
    EXPECT_FALSE(NextHop::parse(QStringLiteral("")));
    const auto loopback = NextHop::parse(QStringLiteral("127.0.0.1"));
    ASSERT_FALSE(loopback);
    EXPECT_EQ(loopback.error(), QStringLiteral("is loopback (127.0.0.0/8)"));
    const auto padded = NextHop::parse(QStringLiteral("0.00.0.0"));
    ASSERT_FALSE(padded);
    EXPECT_EQ(padded.error(), QStringLiteral("has zero-padded parts, which some tools read as "
                                             "octal; and 0.0.0.0 is \"this network\" "
                                             "(0.0.0.0/8), never a destination"));
    const auto multicast = NextHop::parse(QStringLiteral("ff02::1"));
    ASSERT_FALSE(multicast);
    EXPECT_EQ(multicast.error(), QStringLiteral("is multicast (ff00::/8)"));
}

TEST(BgpCommunity, ParsesAndRendersPlainDecimal)
{
    const auto community = BgpCommunity::parse(QStringLiteral("65535:0"));
    ASSERT_TRUE(community) << community.error().toStdString();
    EXPECT_EQ(community->asn(), 65535);
    EXPECT_EQ(community->value(), 0);
    EXPECT_EQ(community->toString(), QStringLiteral("65535:0"));
    for (const char *bad : {"", ":", "1", "1:", ":1", "1:2:3", "65536:0", "0:65536", "a:b", "1 :2",
                            "-1:2", "1:2 ", "１:2"})
        EXPECT_FALSE(BgpCommunity::parse(QString::fromUtf8(bad))) << bad;
}

} // namespace
} // namespace anycast
