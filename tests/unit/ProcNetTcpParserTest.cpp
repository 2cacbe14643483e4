// ProcNetTcpParser on single lines: every field of an IPv4 and an IPv6 line, the fields that
// may be missing, and each malformed field refused with its own words.
#include "agent/sampler/ProcNetTcpParser.h"

#include "tests/unit/ProcNetTcpTestSupport.h"

#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <string>

namespace anycast {
namespace {

using namespace proctcptest;

TEST(ProcNetTcpParser, ParsesEveryFieldOfAnIpv4Line)
{
    const std::string line =
        "   7: 0100000A:01BB 0A0200C0:C350 01 0000001F:00000002 02:000000A3 "
        "0000000B  1000        0 987654321012 1 0000000000000000 20 4 30 10 -1";
    const auto entry = parseProcNetTcpLine(line, false);
    ASSERT_TRUE(entry.ok()) << text(entry.error());
    EXPECT_FALSE(entry->ipv6);
    EXPECT_EQ(entry->localAddress, bytes({10, 0, 0, 1}));
    EXPECT_EQ(entry->remoteAddress, bytes({192, 0, 2, 10}));
    EXPECT_EQ(entry->localPort, 443);
    EXPECT_EQ(entry->remotePort, 50000);
    EXPECT_EQ(entry->state, TcpState::Established);
    EXPECT_EQ(entry->txQueue, 31u);
    EXPECT_EQ(entry->rxQueue, 2u);
    EXPECT_EQ(entry->retransmits, 11u);
    EXPECT_EQ(entry->uid, 1000u);
    EXPECT_EQ(entry->inode, 987654321012u);
    EXPECT_EQ(text(localAddressText(entry.value())), "10.0.0.1");
}

TEST(ProcNetTcpParser, NeedsNoFieldAfterInode)
{
    // get_timewait4_sock and get_openreq4 print fewer trailing fields than full sockets do.
    const auto entry = parseProcNetTcpLine("  13: 0100007F:01BB 0100007F:C350 03 "
                                           "00000000:00000000 01:00000064 00000002 0 0 77",
                                           false);
    ASSERT_TRUE(entry.ok()) << text(entry.error());
    EXPECT_EQ(entry->state, TcpState::SynRecv);
    EXPECT_EQ(entry->retransmits, 2u);
    EXPECT_EQ(entry->inode, 77u);
}

TEST(ProcNetTcpParser, ParsesIpv6Addresses)
{
    struct Case
    {
        const char *hex;
        std::array<std::uint8_t, 16> address;
        const char *text;
    };
    const Case cases[] = {
        {"00000000000000000000000000000000", bytes({}), "::"},
        {"00000000000000000000000001000000",
         bytes({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}), "::1"},
        {"0000000000000000FFFF00000100007F",
         bytes({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1}), "::ffff:127.0.0.1"},
        {"B80D0120000000000000000010000000",
         bytes({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10}), "2001:db8::10"},
    };
    for (const Case &c : cases) {
        const std::string line = std::string("   0: ") + c.hex +
                                 ":20FB 00000000000000000000000001000000:0355 01 00000000:00000000"
                                 " 00:00000000 00000000     0        0 14460 3 000000000fae20f3";
        const auto entry = parseProcNetTcpLine(line, true);
        ASSERT_TRUE(entry.ok()) << c.hex << ": " << text(entry.error());
        EXPECT_TRUE(entry->ipv6);
        EXPECT_EQ(entry->localAddress, c.address) << c.hex;
        EXPECT_EQ(text(localAddressText(entry.value())), c.text);
        EXPECT_EQ(entry->localPort, 8443);
        EXPECT_EQ(entry->remoteAddress, bytes({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        EXPECT_EQ(entry->remotePort, 853);
    }
}

TEST(ProcNetTcpParser, RejectsEachMalformedField)
{
    // Each case breaks one field of a line that parses, so each error has one cause.
    struct Case
    {
        const char *find;
        const char *replace;
        const char *error;
    };
    const Case cases[] = {
        {"0100007F:1F90", "0100007G:1F90", "local address: expected 8 hex digits, got '0100007G'"},
        {"0100007F:1F90", "100007F:1F90", "local address: expected 8 hex digits, got '100007F'"},
        {"0100007F:1F90", "0100007F1F90",
         "local address: expected ADDRESS:PORT, got '0100007F1F90'"},
        {"0100007F:1F90", "0100007F:1F9", "local port: expected 4 hex digits, got '1F9'"},
        {"0100007F:1F90", "0100007F:1F9X", "local port: expected 4 hex digits, got '1F9X'"},
        {"00000000:0000 0A", "0000000:0000 0A",
         "remote address: expected 8 hex digits, got '0000000'"},
        {"00000000:0000 0A", "00000000:00G0 0A", "remote port: expected 4 hex digits, got '00G0'"},
        {" 0A ", " 00 ", "state: expected a hex state 01..0B, got '00'"},
        {" 0A ", " 0C ", "state: expected a hex state 01..0B, got '0C'"},
        {" 0A ", " A ", "state: expected a hex state 01..0B, got 'A'"},
        {" 0A ", " 0Z ", "state: expected a hex state 01..0B, got '0Z'"},
        {"00000000:00000000 00:", "0000000000000000 00:",
         "queues: expected TX:RX in hex (up to 8 digits each), got '0000000000000000'"},
        {"00000000:00000000 00:", "00000000:000000000 00:",
         "queues: expected TX:RX in hex (up to 8 digits each), got '00000000:000000000'"},
        {" 00:00000000 ", " 00-00000000 ", "timer: expected TR:WHEN in hex, got '00-00000000'"},
        {" 00000000     0", " 0000000G     0",
         "retrnsmt: expected up to 8 hex digits, got '0000000G'"},
        {"     0        0 12345", "    -1        0 12345",
         "uid: expected a decimal number below 2^32, got '-1'"},
        {"     0        0 12345", " 4294967296        0 12345",
         "uid: expected a decimal number below 2^32, got '4294967296'"},
        {"        0 12345", "        x 12345", "timeout: expected a decimal number, got 'x'"},
        {" 12345 ", " 12a45 ", "inode: expected a decimal number, got '12a45'"},
        {" 12345 ", " -5 ", "inode: expected a decimal number, got '-5'"},
        {"   0: ", "   0 ", "slot: expected a number followed by ':', got '0'"},
        {"   0: ", "   ?: ", "slot: expected a number followed by ':', got '?:'"},
        {" 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0", "",
         "expected at least 10 fields (sl to inode), got 6"},
        {"0100007F", "01\x01\xff", "local address: expected 8 hex digits, got '01\\x01\\xff'"},
    };
    ASSERT_TRUE(parseProcNetTcpLine(kListenLine, false).ok());
    for (const Case &c : cases) {
        std::string line = kListenLine;
        const std::size_t at = line.find(c.find);
        ASSERT_NE(at, std::string::npos) << c.find;
        line.replace(at, std::strlen(c.find), c.replace);
        const auto entry = parseProcNetTcpLine(line, false);
        ASSERT_FALSE(entry.ok()) << line;
        EXPECT_EQ(text(entry.error()), c.error) << line;
    }
}

TEST(ProcNetTcpParser, RejectsEmptyLinesAndTheWrongFamily)
{
    EXPECT_EQ(text(parseProcNetTcpLine("", false).error()), "empty line");
    EXPECT_EQ(text(parseProcNetTcpLine(" \t \r", false).error()), "empty line");
    EXPECT_EQ(text(parseProcNetTcpLine(kListenLine, true).error()),
              "local address: expected 32 hex digits, got '0100007F'");
    const std::string ipv6Line = "   0: 00000000000000000000000001000000:0355 "
                                 "00000000000000000000000000000000:0000 0A 00000000:00000001 "
                                 "00:00000000 00000000     0        0 14461 2";
    ASSERT_TRUE(parseProcNetTcpLine(ipv6Line, true).ok());
    EXPECT_EQ(text(parseProcNetTcpLine(ipv6Line, false).error()),
              "local address: expected 8 hex digits, got '00000000000000000000000001000000'");
}

} // namespace
} // namespace anycast
