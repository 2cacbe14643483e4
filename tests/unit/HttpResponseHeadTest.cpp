#include "agent/probe/HttpResponseHead.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace anycast {
namespace {

using Parse = HttpResponseHead::Parse;

constexpr qsizetype kWholeInput = -1;

struct Row
{
    std::string name;
    QByteArray bytes;
    Parse expected;
    int status = 0;
    qsizetype headerBytes = kWholeInput; // Complete: bytes.size() unless given
    std::optional<qint64> contentLength = std::nullopt;
    bool chunked = false;
    const char *error = nullptr; // Malformed: a substring of the error
};

void PrintTo(const Row &row, std::ostream *out)
{
    *out << row.name;
}

const char *nameOf(Parse parse)
{
    switch (parse) {
    case Parse::Complete:
        return "Complete";
    case Parse::NeedMore:
        return "NeedMore";
    case Parse::Malformed:
        return "Malformed";
    }
    return "?";
}

Row complete(std::string name, QByteArray bytes, int status,
             std::optional<qint64> contentLength = std::nullopt, bool chunked = false,
             qsizetype headerBytes = kWholeInput)
{
    return Row{std::move(name), std::move(bytes), Parse::Complete, status,
               headerBytes,     contentLength,    chunked};
}

Row needMore(std::string name, QByteArray bytes)
{
    return Row{std::move(name), std::move(bytes), Parse::NeedMore};
}

Row malformed(std::string name, QByteArray bytes, const char *error)
{
    Row row{std::move(name), std::move(bytes), Parse::Malformed};
    row.error = error;
    return row;
}

qsizetype sizeOf(const char *text)
{
    return QByteArray(text).size();
}

// "HTTP/1.1 200 OK\r\n" then bytes of header lines: each "X-Pad: aaa...\r\n".
QByteArray paddedHead(qsizetype total)
{
    QByteArray bytes = "HTTP/1.1 200 OK\r\n";
    while (bytes.size() < total) {
        const qsizetype left = total - bytes.size();
        // A line is at least "X-Pad: \r\n" (9 bytes); keep the remainder long enough for one.
        qsizetype line = std::min<qsizetype>(1000, left);
        if (left - line > 0 && left - line < 9)
            line = left - 9;
        bytes += "X-Pad: " + QByteArray(line - 9, 'a') + "\r\n";
    }
    return bytes;
}

std::vector<Row> rows()
{
    constexpr qsizetype kMax = HttpResponseHead::kMaxHeaderBytes;
    std::vector<Row> rows = {
        // Complete heads.
        complete("Crlf200WithLength",
                 "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nServer: x\r\n\r\nhello", 200, 5, false,
                 sizeOf("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nServer: x\r\n\r\n")),
        complete("Http10", "HTTP/1.0 200 OK\r\n\r\n", 200),
        complete("NoReasonPhrase", "HTTP/1.1 200\r\n\r\n", 200),
        complete("EmptyReasonPhrase", "HTTP/1.1 503 \r\n\r\n", 503),
        complete("BareLf", "HTTP/1.1 404 Not Found\nContent-Length: 0\n\nbody", 404, 0, false,
                 sizeOf("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n")),
        complete("MixedLineEnds", "HTTP/1.1 200 OK\r\nContent-Length: 3\n\r\nabc", 200, 3, false,
                 sizeOf("HTTP/1.1 200 OK\r\nContent-Length: 3\n\r\n")),
        complete("NoLengthNoChunked", "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n", 200),
        complete("Status100", "HTTP/1.1 100 Continue\r\n\r\n", 100),
        complete("Status999", "HTTP/1.1 999 Odd\r\n\r\n", 999),
        complete("OnlyTheFirstBlankLineEndsTheHead",
                 "HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 500 Oops\r\nContent-Length: 7\r\n\r\n", 200,
                 std::nullopt, false, sizeOf("HTTP/1.1 200 OK\r\n\r\n")),
        complete("HeaderValueWithColon", "HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 12:00:00\r\n\r\n",
                 200),
        complete("EmptyHeaderValue", "HTTP/1.1 200 OK\r\nX-Empty:\r\n\r\n", 200),

        // Content-Length.
        complete("ContentLengthCaseAndSpaces", "HTTP/1.1 200 OK\r\ncontent-LENGTH:   42  \r\n\r\n",
                 200, 42),
        complete("ContentLengthZero", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200, 0),
        complete("ContentLengthFifteenDigits",
                 "HTTP/1.1 200 OK\r\nContent-Length: 999999999999999\r\n\r\n", 200,
                 999999999999999LL),
        complete("ContentLengthTwiceTheSame",
                 "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Length: 12\r\n\r\n", 200, 12),
        complete("ContentLengthTwiceTheSameValueSpelledDifferently",
                 "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Length: 012\r\n\r\n", 200, 12),
        malformed("ContentLengthNotDigits", "HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n",
                  "Content-Length"),
        malformed("ContentLengthNegative", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                  "Content-Length"),
        malformed("ContentLengthPlusSign", "HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\n",
                  "Content-Length"),
        malformed("ContentLengthEmpty", "HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n",
                  "Content-Length"),
        malformed("ContentLengthList", "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\n",
                  "Content-Length"),
        malformed("ContentLengthSixteenDigits",
                  "HTTP/1.1 200 OK\r\nContent-Length: 1000000000000000\r\n\r\n", "Content-Length"),
        malformed("ContentLengthTwoDifferent",
                  "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Length: 13\r\n\r\n",
                  "Content-Length"),

        // Transfer-Encoding.
        complete("Chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello", 200,
                 std::nullopt, true,
                 sizeOf("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")),
        complete("ChunkedAnyCase", "HTTP/1.1 200 OK\r\ntransfer-encoding: ChUnKeD\r\n\r\n", 200,
                 std::nullopt, true),
        complete("ChunkedUpperCase", "HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: CHUNKED\r\n\r\n", 200,
                 std::nullopt, true),
        complete("ChunkedLast", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 200,
                 std::nullopt, true),
        complete("ChunkedWithLength",
                 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 9\r\n\r\n", 200,
                 9, true),
        complete("OtherTransferEncoding", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", 200,
                 std::nullopt, false),

        // Not all there yet.
        needMore("Nothing", ""),
        needMore("PartialStatusLine", "HTTP/1.1 20"),
        needMore("PartialVersion", "HTT"),
        needMore("StatusLineWithoutLineEnd", "HTTP/1.1 200 OK"),
        needMore("StatusLineWithoutCrLfYet", "HTTP/1.1 200 OK\r"),
        needMore("StatusLineOnly", "HTTP/1.1 200 OK\r\n"),
        needMore("HeadersWithoutBlankLine",
                 "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nServer: x\r\n"),
        needMore("HeadersWithHalfABlankLine", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r"),
        needMore("PartialHeaderLine", "HTTP/1.1 200 OK\r\nContent-Le"),
        // No full line yet: nothing to judge, even if it does not look like HTTP.
        needMore("GarbageWithoutALineEnd", "SSH-2.0-OpenSSH_9.6"),

        // Status lines that are not HTTP/1.x.
        malformed("Http2", "HTTP/2 200\r\n\r\n", "status line"),
        malformed("Http2WithMinor", "HTTP/2.0 200 OK\r\n\r\n", "status line"),
        malformed("Http12", "HTTP/1.2 200 OK\r\n\r\n", "status line"),
        malformed("Http09", "HTTP/0.9 200 OK\r\n\r\n", "status line"),
        malformed("TwoDigitStatus", "HTTP/1.1 20\r\n\r\n", "status line"),
        malformed("TwoDigitStatusAndReason", "HTTP/1.1 20 OK\r\n\r\n", "status line"),
        malformed("FourDigitStatus", "HTTP/1.1 2000\r\n\r\n", "status line"),
        malformed("FourDigitStatusAndReason", "HTTP/1.1 2000 OK\r\n\r\n", "status line"),
        malformed("LowerCaseVersion", "http/1.1 200 OK\r\n\r\n", "status line"),
        malformed("StatusBelow100", "HTTP/1.1 099 Low\r\n\r\n", "status line"),
        malformed("StatusZero", "HTTP/1.1 000 Zero\r\n\r\n", "status line"),
        malformed("TwoSpaces", "HTTP/1.1  200 OK\r\n\r\n", "status line"),
        malformed("TabAfterStatus", "HTTP/1.1 200\tOK\r\n\r\n", "status line"),
        malformed("NonDigitStatus", "HTTP/1.1 2x0 OK\r\n\r\n", "status line"),
        malformed("LeadingSpace", " HTTP/1.1 200 OK\r\n\r\n", "status line"),
        malformed("LeadingBlankLine", "\r\nHTTP/1.1 200 OK\r\n\r\n", "status line"),
        malformed("OnlyABlankLine", "\r\n\r\n", "status line"),
        // A full first line that is not a status line is refused at once: no waiting for a
        // blank line that such a service will never send.
        malformed("SshBanner", "SSH-2.0-OpenSSH_9.6\r\n", "status line"),
        malformed("SshBannerBareLf", "SSH-2.0-x\n", "status line"),
        malformed("Http2StatusLineWithoutBlankLine", "HTTP/2 200\r\n", "status line"),
        malformed("SmtpGreetingThenMore", "220 mail ESMTP\r\n250 more\r\n", "status line"),
        malformed("HttpRequestInsteadOfResponse", "GET / HTTP/1.1\r\nHost: x\r\n", "status line"),

        // Header lines.
        malformed("HeaderWithoutColon", "HTTP/1.1 200 OK\r\nBogus header\r\n\r\n",
                  "without a name"),
        malformed("HeaderColonFirst", "HTTP/1.1 200 OK\r\n: value\r\n\r\n", "without a name"),
        malformed("HeaderWithoutColonAfterGoodOnes",
                  "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nBogus\r\n\r\nx", "without a name"),

        // Size limits.
        needMore("HeadersAtTheLimitWithoutBlankLine", paddedHead(kMax)),
        malformed("HeadersOverTheLimitWithoutBlankLine", paddedHead(kMax + 1), "16384"),
        malformed("SeventeenKibOfHeadersWithoutBlankLine", paddedHead(17 * 1024), "16384"),
        malformed("SeventeenKibOfGarbageWithoutALineEnd", QByteArray(17 * 1024, 'x'), "16384"),
        complete("HeadExactlyAtTheLimit", paddedHead(kMax - 2) + "\r\n", 200),
        malformed("HeadOneByteOverTheLimit", paddedHead(kMax - 1) + "\r\n", "16384"),
        complete("SmallHeadThenALargeBody",
                 "HTTP/1.1 200 OK\r\nContent-Length: 40000\r\n\r\n" + QByteArray(40000, 'b'), 200,
                 40000, false, sizeOf("HTTP/1.1 200 OK\r\nContent-Length: 40000\r\n\r\n")),
    };
    return rows;
}

class HttpResponseHeadParse : public ::testing::TestWithParam<Row>
{};

TEST_P(HttpResponseHeadParse, GivesTheExpectedResult)
{
    const Row &row = GetParam();
    HttpResponseHead head;
    head.status = -7; // left alone unless the head is complete
    QString error;
    const Parse result = HttpResponseHead::parse(row.bytes, head, error);
    ASSERT_EQ(result, row.expected) << "got " << nameOf(result) << " (" << error.toStdString()
                                    << ") for " << row.bytes.left(200).toStdString();
    switch (row.expected) {
    case Parse::Complete: {
        EXPECT_EQ(head.status, row.status);
        const qsizetype headerBytes =
            row.headerBytes == kWholeInput ? row.bytes.size() : row.headerBytes;
        EXPECT_EQ(head.headerBytes, headerBytes);
        EXPECT_EQ(head.contentLength, row.contentLength);
        EXPECT_EQ(head.chunked, row.chunked);
        break;
    }
    case Parse::NeedMore:
        EXPECT_EQ(head.status, -7);
        break;
    case Parse::Malformed:
        EXPECT_EQ(head.status, -7);
        ASSERT_NE(row.error, nullptr);
        EXPECT_TRUE(error.contains(QString::fromUtf8(row.error))) << error.toStdString();
        break;
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, HttpResponseHeadParse, ::testing::ValuesIn(rows()),
                         [](const ::testing::TestParamInfo<Row> &row) { return row.param.name; });

// The padding helper itself: the limit rows above are only as good as their sizes.
TEST(HttpResponseHead, PaddedHeadHasTheAskedSize)
{
    for (qsizetype size :
         {qsizetype(100), HttpResponseHead::kMaxHeaderBytes - 2, HttpResponseHead::kMaxHeaderBytes,
          HttpResponseHead::kMaxHeaderBytes + 1, qsizetype(17 * 1024)}) {
        const QByteArray bytes = paddedHead(size);
        EXPECT_EQ(bytes.size(), size);
        EXPECT_TRUE(bytes.endsWith("\r\n"));
        EXPECT_FALSE(bytes.contains("\r\n\r\n"));
    }
}

// A head arriving a byte at a time is NeedMore at every step until its blank line, then
// Complete with the same answer as in one piece.
TEST(HttpResponseHead, ByteByByteIsNeedMoreUntilTheBlankLine)
{
    const QByteArray full = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nX: y\r\n\r\n";
    for (qsizetype size = 0; size < full.size(); ++size) {
        HttpResponseHead head;
        QString error;
        EXPECT_EQ(HttpResponseHead::parse(full.left(size), head, error), Parse::NeedMore)
            << size << ": " << error.toStdString();
    }
    HttpResponseHead head;
    QString error;
    ASSERT_EQ(HttpResponseHead::parse(full + "body", head, error), Parse::Complete);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.headerBytes, full.size());
    EXPECT_EQ(head.contentLength, 4);
}

// A banner that is not HTTP is Malformed from the byte that ends its first line on.
TEST(HttpResponseHead, GarbageIsMalformedAsSoonAsItsFirstLineEnds)
{
    const QByteArray banner = "SSH-2.0-OpenSSH_9.6\r\n";
    for (qsizetype size = 0; size <= banner.size() + 5; ++size) {
        const QByteArray bytes = (banner + "more!").left(size);
        HttpResponseHead head;
        QString error;
        const Parse expected = bytes.contains('\n') ? Parse::Malformed : Parse::NeedMore;
        EXPECT_EQ(HttpResponseHead::parse(bytes, head, error), expected)
            << size << ": " << error.toStdString();
    }
}

TEST(HttpResponseHead, BodylessStatuses)
{
    const auto bodyless = [](int status) {
        HttpResponseHead head;
        QString error;
        const QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n\r\n";
        EXPECT_EQ(HttpResponseHead::parse(bytes, head, error), Parse::Complete)
            << status << ": " << error.toStdString();
        EXPECT_EQ(head.status, status);
        return head.bodyless();
    };
    for (int status : {100, 101, 103, 199, 204, 304})
        EXPECT_TRUE(bodyless(status)) << status;
    for (int status :
         {200, 201, 202, 203, 205, 206, 299, 300, 301, 302, 303, 305, 400, 404, 500, 503, 999})
        EXPECT_FALSE(bodyless(status)) << status;
}

} // namespace
} // namespace anycast
