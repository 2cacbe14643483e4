#include "common/protocol/LineFramer.h"

#include <QList>

#include <gtest/gtest.h>

namespace anycast {
namespace {

QList<QByteArray> drain(LineFramer &framer)
{
    QList<QByteArray> lines;
    while (const auto line = framer.nextLine())
        lines.append(*line);
    return lines;
}

TEST(LineFramer, SplitsLinesAcrossAndWithinChunks)
{
    LineFramer framer(100);
    framer.append("{\"a\":1}\n{\"b\"");
    EXPECT_EQ(drain(framer), QList<QByteArray>{"{\"a\":1}"});
    framer.append(":2}\r\n\n{\"c\":3}\n");
    EXPECT_EQ(drain(framer), (QList<QByteArray>{"{\"b\":2}", "", "{\"c\":3}"}));
    EXPECT_FALSE(framer.overflowed());
}

TEST(LineFramer, TakesALineOfExactlyTheLimitWithOrWithoutCarriageReturn)
{
    LineFramer framer(4);
    framer.append("abcd\nwxyz\r\n");
    EXPECT_EQ(drain(framer), (QList<QByteArray>{"abcd", "wxyz"}));
    EXPECT_FALSE(framer.overflowed());
}

TEST(LineFramer, OverflowsOnALongerLineCompleteOrNot)
{
    LineFramer complete(4);
    complete.append("abcde\nok\n");
    EXPECT_TRUE(drain(complete).isEmpty());
    EXPECT_TRUE(complete.overflowed());

    LineFramer endless(4);
    endless.append("abc");
    EXPECT_TRUE(drain(endless).isEmpty());
    EXPECT_FALSE(endless.overflowed());
    endless.append("de\r");
    EXPECT_TRUE(drain(endless).isEmpty());
    EXPECT_TRUE(endless.overflowed());
    endless.append("\n");
    EXPECT_TRUE(drain(endless).isEmpty()) << "nothing after an overflow";
}

TEST(LineFramer, LongStreamsDoNotKeepWhatWasReturned)
{
    LineFramer framer(64);
    for (int i = 0; i < 10000; ++i) {
        framer.append("0123456789\n");
        ASSERT_EQ(drain(framer).size(), 1);
    }
    framer.append("tail");
    EXPECT_TRUE(drain(framer).isEmpty());
    framer.append("\n");
    EXPECT_EQ(drain(framer), QList<QByteArray>{"tail"});
}

} // namespace
} // namespace anycast
