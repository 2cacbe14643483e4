#pragma once

#include <QByteArray>
#include <QString>

#include <sys/types.h>

namespace anycast {

// An owned POSIX file descriptor with the few calls that durable files need. Calls return 0
// or the errno value, because callers branch on it (ENOENT is a first start, not an error)
// and build their own message around the path.
class PosixFile final
{
public:
    PosixFile() = default;
    ~PosixFile();
    PosixFile(const PosixFile &) = delete;
    PosixFile &operator=(const PosixFile &) = delete;
    PosixFile(PosixFile &&other) noexcept;
    PosixFile &operator=(PosixFile &&other) noexcept;

    int open(const QString &path, int flags, mode_t mode = 0);
    // The file's size in bytes (fstat).
    int size(qint64 *bytes) const;
    // Up to `count` bytes from `offset` (pread), fewer only at the end of the file.
    int readAt(qint64 offset, qsizetype count, QByteArray *bytes) const;
    // Loops over short writes and EINTR.
    int writeAll(const QByteArray &bytes);
    // Exactly one write(2): with O_APPEND the kernel places it as one piece, so concurrent
    // writers never interleave. A short write comes back as EIO rather than being finished
    // by a second write that another writer could precede.
    int writeOnce(const QByteArray &bytes);
    // Reads to the end; EFBIG when the file holds more than `limit` bytes.
    int readAll(QByteArray *bytes, qsizetype limit);
    int chmod(mode_t mode);
    int sync();
    int close();

    bool isOpen() const { return m_descriptor >= 0; }

private:
    int m_descriptor = -1;
};

// strerror(3) text, e.g. "No such file or directory".
QString systemErrorText(int errorNumber);
// For open(2) with O_NOFOLLOW, which fails with ELOOP on a symbolic link: says so plainly
// rather than "Too many levels of symbolic links"; otherwise systemErrorText().
QString openErrorText(int errorNumber);
// fsync(2) of the folder that holds `path`: a rename or a new file is only durable once its
// folder entry is on disk.
int syncParentFolder(const QString &path);
QString parentFolder(const QString &path);

} // namespace anycast
