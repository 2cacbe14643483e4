#include "agent/http/HttpRequestHead.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

constexpr qsizetype kLimit = 8 * 1024;

TEST(HttpRequestHeadTest, ParsesRequestLineAndStopsAtBlankLine)
{
    const HeadParse parse = parseRequestHead(
        "GET /status?pretty=1 HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\ntrailing", kLimit);
    ASSERT_EQ(parse.state, HeadState::Complete);
    EXPECT_EQ(parse.head.method, "GET");
    EXPECT_EQ(parse.head.target, "/status?pretty=1");
    EXPECT_EQ(parse.head.path, "/status");
    EXPECT_EQ(parse.head.version, "HTTP/1.1");
}

TEST(HttpRequestHeadTest, AcceptsBareLineFeedsAndLeadingEmptyLines)
{
    const HeadParse parse = parseRequestHead("\r\n\nHEAD / HTTP/1.0\nHost: x\n\n", kLimit);
    ASSERT_EQ(parse.state, HeadState::Complete);
    EXPECT_EQ(parse.head.method, "HEAD");
    EXPECT_EQ(parse.head.path, "/");
    EXPECT_EQ(parse.head.version, "HTTP/1.0");
}

TEST(HttpRequestHeadTest, WaitsForTheBlankLine)
{
    EXPECT_EQ(parseRequestHead("", kLimit).state, HeadState::Incomplete);
    EXPECT_EQ(parseRequestHead("GET /sta", kLimit).state, HeadState::Incomplete);
    EXPECT_EQ(parseRequestHead("GET /status HTTP/1.1\r\n", kLimit).state, HeadState::Incomplete);
    EXPECT_EQ(parseRequestHead("GET /status HTTP/1.1\r\nHost: x\r\n", kLimit).state,
              HeadState::Incomplete);
    EXPECT_EQ(parseRequestHead("GET /status HTTP/1.1\r\nHost: x\r\n\r", kLimit).state,
              HeadState::Incomplete);
}

TEST(HttpRequestHeadTest, JudgesTheRequestLineAsSoonAsItIsWhole)
{
    // No blank line yet, but the request line alone is already not HTTP.
    EXPECT_EQ(parseRequestHead("hello there\r\n", kLimit).state, HeadState::Malformed);
}

TEST(HttpRequestHeadTest, RejectsMalformedRequestLines)
{
    const char *const lines[] = {
        "garbage\r\n\r\n",                    // one word
        "GET /status\r\n\r\n",                // HTTP/0.9
        "GET /status HTTP/2.0\r\n\r\n",       // not 1.x
        "GET /status http/1.1\r\n\r\n",       // version is case-sensitive
        "GET  /status HTTP/1.1\r\n\r\n",      // double space
        "GET /status  HTTP/1.1\r\n\r\n",      // double space
        "GET status HTTP/1.1\r\n\r\n",        // not origin-form
        "GET /a b HTTP/1.1\r\n\r\n",          // space in target
        "G(T /status HTTP/1.1\r\n\r\n",       // not a token
        " GET /status HTTP/1.1\r\n\r\n",      // leading space
        "GET /st\x01tus HTTP/1.1\r\n\r\n",    // control byte
        "GET /st\xc3\xa4tus HTTP/1.1\r\n\r\n" // raw UTF-8 in target
    };
    for (const char *line : lines)
        EXPECT_EQ(parseRequestHead(line, kLimit).state, HeadState::Malformed) << line;
}

TEST(HttpRequestHeadTest, RejectsMalformedHeaderLines)
{
    EXPECT_EQ(parseRequestHead("GET / HTTP/1.1\r\nno colon\r\n\r\n", kLimit).state,
              HeadState::Malformed);
    EXPECT_EQ(parseRequestHead("GET / HTTP/1.1\r\nHost : x\r\n\r\n", kLimit).state,
              HeadState::Malformed);
    EXPECT_EQ(parseRequestHead("GET / HTTP/1.1\r\n folded: x\r\n\r\n", kLimit).state,
              HeadState::Malformed);
    EXPECT_EQ(parseRequestHead("GET / HTTP/1.1\r\nX: a\x01z\r\n\r\n", kLimit).state,
              HeadState::Malformed);
    // obs-text in a value is legal.
    EXPECT_EQ(parseRequestHead("GET / HTTP/1.1\r\nX: caf\xc3\xa9\r\n\r\n", kLimit).state,
              HeadState::Complete);
}

TEST(HttpRequestHeadTest, LimitCoversTheWholeHeadIncludingItsBlankLine)
{
    const QByteArray start = "GET /status HTTP/1.1\r\nX-Fill: ";
    const QByteArray end = "\r\n\r\n";
    const QByteArray exact = start + QByteArray(kLimit - start.size() - end.size(), 'a') + end;
    ASSERT_EQ(exact.size(), kLimit);
    EXPECT_EQ(parseRequestHead(exact, kLimit).state, HeadState::Complete);

    const QByteArray over = start + QByteArray(kLimit - start.size() - end.size() + 1, 'a') + end;
    EXPECT_EQ(parseRequestHead(over, kLimit).state, HeadState::TooLarge);
    // Without any line end at all, too.
    EXPECT_EQ(parseRequestHead(QByteArray(kLimit, 'G'), kLimit).state, HeadState::TooLarge);
    EXPECT_EQ(parseRequestHead(QByteArray(kLimit - 1, 'G'), kLimit).state, HeadState::Incomplete);
}

} // namespace
} // namespace anycast
