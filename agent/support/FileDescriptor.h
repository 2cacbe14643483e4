#pragma once

#include <unistd.h>
#include <utility>

namespace anycast {

// Owns a POSIX file descriptor and closes it on every path out of a scope. Movable, so a
// function can hand an opened descriptor to its caller; -1 means "owns nothing".
class FileDescriptor
{
public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {}
    ~FileDescriptor() { reset(); }
    FileDescriptor(FileDescriptor &&other) noexcept
        : m_fd(other.release())
    {}
    FileDescriptor &operator=(FileDescriptor &&other) noexcept
    {
        reset(other.release());
        return *this;
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }

    // Gives up ownership without closing: the caller (or a child's dup2) takes it over.
    int release() { return std::exchange(m_fd, -1); }
    // Closes what it owns, if anything, and owns `fd` instead.
    void reset(int fd = -1)
    {
        const int previous = std::exchange(m_fd, fd);
        if (previous >= 0 && previous != fd)
            ::close(previous);
    }

private:
    int m_fd = -1;
};

} // namespace anycast
