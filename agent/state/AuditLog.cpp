#include "agent/state/AuditLog.h"

#include "agent/state/PosixFile.h"
#include "common/StrictJson.h"

#include <QJsonDocument>

#include <algorithm>
#include <fcntl.h>

namespace anycast {
namespace {

constexpr mode_t kFileMode = 0640;
constexpr qsizetype kMaxReadSize = 1024 * 1024 * 1024;

AuditRecords parseLines(const QByteArray &bytes)
{
    AuditRecords result;
    qsizetype lineNumber = 0;
    for (qsizetype start = 0; start < bytes.size();) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size(); // a last line without its '\n': kept only if it is whole JSON
        ++lineNumber;
        const QByteArrayView line = QByteArrayView(bytes).sliced(start, end - start);
        start = end + 1;
        if (line.isEmpty())
            continue; // where a writer ended a torn line before its own record
        const StrictJsonResult parsed = StrictJson::parseObject(line);
        if (parsed.ok())
            result.records.append(parsed.document.object());
        else
            result.skippedLines.append(lineNumber);
    }
    return result;
}

Result<AuditRecords> readFailure(const QString &path, int error)
{
    return Result<AuditRecords>::failure(path + QStringLiteral(": cannot read: ") +
                                         openErrorText(error));
}

} // namespace

AuditLog::AuditLog(QString path)
    : m_path(std::move(path))
{}

void AuditLog::continueAfter(quint64 highest)
{
    m_nextId = std::max(m_nextId, highest + 1);
}

Result<quint64> AuditLog::append(AuditEntry entry, Sync sync)
{
    const auto failure = [this](const QString &what, int error) {
        return Result<quint64>::failure(m_path + QStringLiteral(": ") + what +
                                        QStringLiteral(": ") + openErrorText(error));
    };
    entry.id = m_nextId;
    QByteArray line = QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) + '\n';

    PosixFile file;
    if (const int error =
            file.open(m_path, O_APPEND | O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, kFileMode))
        return failure(QStringLiteral("cannot open the audit log for appending"), error);
    qint64 size = 0;
    if (const int error = file.size(&size))
        return failure(QStringLiteral("cannot read the audit log's size"), error);
    if (size > 0) {
        QByteArray last;
        if (const int error = file.readAt(size - 1, 1, &last))
            return failure(QStringLiteral("cannot read the audit log's last byte"), error);
        if (last != "\n")
            line.prepend('\n');
    }
    if (const int error = file.writeOnce(line))
        return failure(QStringLiteral("cannot write to the audit log"), error);
    // An id is used once it may be in the file, even if the sync below fails.
    ++m_nextId;
    if (sync == Sync::Durable) {
        if (const int error = file.sync())
            return failure(QStringLiteral("cannot sync the audit log to disk"), error);
    }
    if (const int error = file.close())
        return failure(QStringLiteral("cannot close the audit log"), error);
    return Result<quint64>::success(entry.id);
}

Result<AuditRecords> AuditLog::readAll(const QString &path)
{
    PosixFile file;
    QByteArray bytes;
    int error = file.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (error == 0)
        error = file.readAll(&bytes, kMaxReadSize);
    if (error != 0)
        return readFailure(path, error);
    return Result<AuditRecords>::success(parseLines(bytes));
}

Result<AuditRecords> AuditLog::readTail(const QString &path, qint64 maxBytes)
{
    PosixFile file;
    qint64 size = 0;
    int error = file.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (error == 0)
        error = file.size(&size);
    const qint64 start = std::max<qint64>(0, size - maxBytes);
    QByteArray bytes;
    if (error == 0)
        error = file.readAt(start, static_cast<qsizetype>(size - start), &bytes);
    if (error != 0)
        return readFailure(path, error);
    if (start > 0) {
        // The line cut in two by `start` is dropped; with no '\n' at all, so is everything.
        const qsizetype firstEnd = bytes.indexOf('\n');
        bytes.remove(0, firstEnd < 0 ? bytes.size() : firstEnd + 1);
    }
    return Result<AuditRecords>::success(parseLines(bytes));
}

} // namespace anycast
