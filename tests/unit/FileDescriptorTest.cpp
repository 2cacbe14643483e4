#include "agent/support/FileDescriptor.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace anycast {
namespace {

// Whether `fd` names an open descriptor of this process (fcntl fails with EBADF otherwise).
bool isOpen(int fd)
{
    return ::fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

int openDevNull()
{
    const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    EXPECT_GE(fd, 0);
    return fd;
}

TEST(FileDescriptorTest, ClosesWhatItOwnsWhenItGoesOutOfScope)
{
    const int raw = openDevNull();
    {
        const FileDescriptor owner(raw);
        EXPECT_TRUE(owner.valid());
        EXPECT_EQ(owner.get(), raw);
    }
    EXPECT_FALSE(isOpen(raw));
}

TEST(FileDescriptorTest, DefaultOwnsNothing)
{
    const FileDescriptor nothing;
    EXPECT_FALSE(nothing.valid());
    EXPECT_EQ(nothing.get(), -1);
    const FileDescriptor failedOpen(-1);
    EXPECT_FALSE(failedOpen.valid());
}

TEST(FileDescriptorTest, MoveHandsOverOwnershipAndClosesOnce)
{
    const int raw = openDevNull();
    FileDescriptor first(raw);
    FileDescriptor second(std::move(first));
    EXPECT_FALSE(first.valid()); // NOLINT(bugprone-use-after-move): moved-from is empty
    EXPECT_EQ(second.get(), raw);

    const int other = openDevNull();
    FileDescriptor third(other);
    third = std::move(second);
    EXPECT_FALSE(isOpen(other)) << "assignment closes what the target owned before";
    EXPECT_EQ(third.get(), raw);
    EXPECT_TRUE(isOpen(raw));
}

TEST(FileDescriptorTest, ReleaseGivesUpOwnershipWithoutClosing)
{
    const int raw = openDevNull();
    {
        FileDescriptor owner(raw);
        EXPECT_EQ(owner.release(), raw);
        EXPECT_FALSE(owner.valid());
    }
    EXPECT_TRUE(isOpen(raw));
    ::close(raw);
}

TEST(FileDescriptorTest, ResetClosesTheOldDescriptorAndOwnsTheNew)
{
    const int first = openDevNull();
    const int second = openDevNull();
    FileDescriptor owner(first);
    owner.reset(second);
    EXPECT_FALSE(isOpen(first));
    EXPECT_EQ(owner.get(), second);
    owner.reset(second); // the same descriptor again: still owned, not closed
    EXPECT_TRUE(isOpen(second));
    owner.reset();
    EXPECT_FALSE(isOpen(second));
    EXPECT_FALSE(owner.valid());
}

} // namespace
} // namespace anycast
