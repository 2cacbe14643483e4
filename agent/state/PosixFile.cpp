#include "agent/state/PosixFile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace anycast {

PosixFile::~PosixFile()
{
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

PosixFile::PosixFile(PosixFile &&other) noexcept
    : m_descriptor(std::exchange(other.m_descriptor, -1))
{}

PosixFile &PosixFile::operator=(PosixFile &&other) noexcept
{
    if (this != &other) {
        if (m_descriptor >= 0)
            ::close(m_descriptor);
        m_descriptor = std::exchange(other.m_descriptor, -1);
    }
    return *this;
}

int PosixFile::open(const QString &path, int flags, mode_t mode)
{
    close();
    const QByteArray name = QFile::encodeName(path);
    do {
        m_descriptor = ::open(name.constData(), flags, mode);
    } while (m_descriptor < 0 && errno == EINTR);
    return m_descriptor < 0 ? errno : 0;
}

int PosixFile::size(qint64 *bytes) const
{
    struct stat status
    {};
    if (::fstat(m_descriptor, &status) != 0)
        return errno;
    *bytes = status.st_size;
    return 0;
}

int PosixFile::readAt(qint64 offset, qsizetype count, QByteArray *bytes) const
{
    bytes->resize(count);
    qsizetype done = 0;
    while (done < count) {
        const ssize_t got = ::pread(m_descriptor, bytes->data() + done,
                                    static_cast<size_t>(count - done), offset + done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            bytes->clear();
            return errno;
        }
        if (got == 0)
            break;
        done += got;
    }
    bytes->resize(done);
    return 0;
}

int PosixFile::writeAll(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t written = ::write(m_descriptor, bytes.constData() + done,
                                        static_cast<size_t>(bytes.size() - done));
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            return errno;
        done += written;
    }
    return 0;
}

int PosixFile::writeOnce(const QByteArray &bytes)
{
    ssize_t written = -1;
    do {
        written = ::write(m_descriptor, bytes.constData(), static_cast<size_t>(bytes.size()));
    } while (written < 0 && errno == EINTR);
    if (written < 0)
        return errno;
    return written == bytes.size() ? 0 : EIO;
}

int PosixFile::readAll(QByteArray *bytes, qsizetype limit)
{
    bytes->clear();
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(m_descriptor, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return errno;
        if (got == 0)
            return 0;
        if (bytes->size() + got > limit)
            return EFBIG;
        bytes->append(buffer, got);
    }
}

int PosixFile::chmod(mode_t mode)
{
    return ::fchmod(m_descriptor, mode) == 0 ? 0 : errno;
}

int PosixFile::sync()
{
    return ::fsync(m_descriptor) == 0 ? 0 : errno;
}

int PosixFile::close()
{
    if (m_descriptor < 0)
        return 0;
    // No retry on EINTR: on Linux the descriptor is gone either way, and a second close
    // could hit a descriptor another thread just opened.
    const int result = ::close(std::exchange(m_descriptor, -1));
    return result == 0 ? 0 : errno;
}

QString systemErrorText(int errorNumber)
{
    return QString::fromLocal8Bit(std::strerror(errorNumber));
}

QString openErrorText(int errorNumber)
{
    if (errorNumber == ELOOP)
        return QStringLiteral("it is a symbolic link, which is not followed");
    return systemErrorText(errorNumber);
}

QString parentFolder(const QString &path)
{
    return QFileInfo(path).absolutePath();
}

int syncParentFolder(const QString &path)
{
    PosixFile folder;
    if (const int error = folder.open(parentFolder(path), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
        return error;
    if (const int error = folder.sync())
        return error;
    return folder.close();
}

} // namespace anycast
