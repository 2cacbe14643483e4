#include "AuditLog.h"

#include "PosixFile.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <fcntl.h>

namespace anycast {
namespace {

constexpr mode_t kFileMode = 0640;
constexpr qsizetype kMaxReadSize = 1024 * 1024 * 1024;

} // namespace

AuditLog::AuditLog(QString path)
    : m_path(std::move(path))
{}

Result<bool> AuditLog::append(const AuditEntry &entry) const
{
    const auto failure = [this](const QString &what, int error) {
        return Result<bool>::failure(m_path + QStringLiteral(": ") + what + QStringLiteral(": ") +
                                     systemErrorText(error));
    };
    const QByteArray line = QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) + '\n';

    PosixFile file;
    if (const int error = file.open(m_path, O_APPEND | O_CREAT | O_WRONLY | O_CLOEXEC, kFileMode))
        return failure(QStringLiteral("cannot open the audit log for appending"), error);
    if (const int error = file.writeOnce(line))
        return failure(QStringLiteral("cannot write to the audit log"), error);
    if (const int error = file.sync())
        return failure(QStringLiteral("cannot sync the audit log to disk"), error);
    if (const int error = file.close())
        return failure(QStringLiteral("cannot close the audit log"), error);
    return Result<bool>::success(true);
}

Result<QList<QJsonObject>> AuditLog::readAll(const QString &path)
{
    using ListResult = Result<QList<QJsonObject>>;
    PosixFile file;
    QByteArray bytes;
    int error = file.open(path, O_RDONLY | O_CLOEXEC);
    if (error == 0)
        error = file.readAll(&bytes, kMaxReadSize);
    if (error != 0)
        return ListResult::failure(path + QStringLiteral(": cannot read: ") +
                                   systemErrorText(error));
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        return ListResult::failure(path + QStringLiteral(": the last line is not complete"));

    QList<QJsonObject> entries;
    const QList<QByteArray> lines = bytes.split('\n');
    // split() leaves an empty piece after the final newline.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            const QString what = parseError.error != QJsonParseError::NoError
                                     ? parseError.errorString()
                                     : QStringLiteral("expected a JSON object");
            return ListResult::failure(path + QStringLiteral(": line %1: %2").arg(i + 1).arg(what));
        }
        entries.append(document.object());
    }
    return ListResult::success(entries);
}

} // namespace anycast
