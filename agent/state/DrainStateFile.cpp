#include "agent/state/DrainStateFile.h"

#include "agent/state/PosixFile.h"
#include "common/StrictJson.h"

#include <QFile>
#include <QJsonDocument>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace anycast {
namespace {

constexpr mode_t kFileMode = 0640;

DrainStateLoad failure(DrainStateLoad::Kind kind, const QString &path, const QString &what)
{
    DrainStateLoad result;
    result.kind = kind;
    result.message = path + QStringLiteral(": ") + what;
    return result;
}

int lineAt(const QByteArray &bytes, qsizetype offset)
{
    return static_cast<int>(bytes.left(offset).count('\n')) + 1;
}

Result<bool> saveFailure(const QString &path, const QString &what, int errorNumber)
{
    return Result<bool>::failure(path + QStringLiteral(": ") + what + QStringLiteral(": ") +
                                 openErrorText(errorNumber));
}

} // namespace

DrainStateLoad DrainStateFile::load(const QString &path)
{
    using Kind = DrainStateLoad::Kind;
    PosixFile file;
    if (const int error = file.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) {
        if (error == ENOENT)
            return DrainStateLoad{Kind::Missing, {}, {}};
        return failure(Kind::Unreadable, path,
                       QStringLiteral("cannot open: ") + openErrorText(error));
    }
    QByteArray bytes;
    if (const int error = file.readAll(&bytes, kMaxFileSize)) {
        if (error == EFBIG) {
            return failure(Kind::Corrupt, path,
                           QStringLiteral("larger than %1 bytes").arg(kMaxFileSize));
        }
        return failure(Kind::Unreadable, path,
                       QStringLiteral("cannot read: ") + systemErrorText(error));
    }
    if (bytes.trimmed().isEmpty())
        return failure(Kind::Corrupt, path, QStringLiteral("empty file"));

    const StrictJsonResult parsed = StrictJson::parse(bytes);
    if (!parsed.ok()) {
        return failure(Kind::Corrupt, path,
                       QStringLiteral("line %1: %2")
                           .arg(lineAt(bytes, parsed.problem->offset))
                           .arg(parsed.problem->reason));
    }
    if (!parsed.document.isObject())
        return failure(Kind::Corrupt, path, QStringLiteral("expected a JSON object"));

    JsonReader reader(parsed.document.object());
    DrainState state = DrainState::fromJson(reader);
    if (!reader.ok())
        return failure(Kind::Corrupt, path, reader.error());
    return DrainStateLoad{Kind::Loaded, std::move(state), {}};
}

Result<bool> DrainStateFile::save(const QString &path, const DrainState &state)
{
    const QString temporary = path + QStringLiteral(".tmp");
    const QByteArray bytes = QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented);

    PosixFile file;
    if (const int error = file.open(
            temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, kFileMode)) {
        return saveFailure(path, QStringLiteral("cannot create %1").arg(temporary), error);
    }
    // Whatever goes wrong before the rename, `path` still holds the old state; only the
    // temporary file has to go.
    const auto abandon = [&](const QString &what, int error) {
        file.close();
        ::unlink(QFile::encodeName(temporary).constData());
        return saveFailure(path, what.arg(temporary), error);
    };
    // O_CREAT's mode is filtered by the umask, and an old temporary file keeps its own mode.
    if (const int error = file.chmod(kFileMode))
        return abandon(QStringLiteral("cannot set the mode of %1"), error);
    if (const int error = file.writeAll(bytes))
        return abandon(QStringLiteral("cannot write %1"), error);
    if (const int error = file.sync())
        return abandon(QStringLiteral("cannot sync %1 to disk"), error);
    if (const int error = file.close())
        return abandon(QStringLiteral("cannot close %1"), error);
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) !=
        0) {
        return abandon(QStringLiteral("cannot rename %1 over it"), errno);
    }
    if (const int error = syncParentFolder(path)) {
        return saveFailure(path,
                           QStringLiteral("written, but its folder %1 cannot be synced to disk")
                               .arg(parentFolder(path)),
                           error);
    }
    return Result<bool>::success(true);
}

Result<QString> DrainStateFile::quarantine(const QString &path)
{
    const QString aside = path + QStringLiteral(".corrupt");
    if (::rename(QFile::encodeName(path).constData(), QFile::encodeName(aside).constData()) != 0) {
        return Result<QString>::failure(
            path + QStringLiteral(": cannot rename to %1: %2").arg(aside, systemErrorText(errno)));
    }
    if (const int error = syncParentFolder(path)) {
        return Result<QString>::failure(
            path + QStringLiteral(": renamed to %1, but its folder cannot be synced to disk: %2")
                       .arg(aside, systemErrorText(error)));
    }
    return Result<QString>::success(aside);
}

DrainState DrainStateFile::failSafeState(const DrainStateLoad &load, const QDateTime &now)
{
    DrainRecord record;
    record.mode = DrainMode::Immediate;
    record.reason = QStringLiteral("drain state unreadable: ") + load.message;
    record.by = QStringLiteral("anycast-agent");
    record.uid = static_cast<quint32>(::getuid());
    record.since = now.toUTC();
    DrainState state;
    state.set(record);
    return state;
}

} // namespace anycast
