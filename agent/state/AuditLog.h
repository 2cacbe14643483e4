#pragma once

#include "AuditEntry.h"
#include "Result.h"

#include <QList>
#include <QString>

namespace anycast {

// state_dir/audit.log: one compact JSON object per line, appended and synced to disk before
// the audited action is acknowledged.
//
// The file is opened for each entry, so logrotate may move it away at any time (no signal,
// no copytruncate): the next entry creates a fresh file. Each line goes out in one
// O_APPEND write(2), so concurrent writers (a second agent, a tool) never interleave lines.
class AuditLog final
{
public:
    explicit AuditLog(QString path);

    // Errors name the log's path and the system's error text; on error the entry must be
    // taken as not audited (and the action refused).
    Result<bool> append(const AuditEntry &entry) const;

    const QString &path() const { return m_path; }

    // Every line as a JSON object, for tests and diagnostics; a line that is not one is an
    // error naming its line number.
    static Result<QList<QJsonObject>> readAll(const QString &path);

private:
    QString m_path;
};

} // namespace anycast
