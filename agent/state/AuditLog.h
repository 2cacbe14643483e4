#pragma once

#include "agent/state/AuditEntry.h"
#include "common/Result.h"

#include <QList>
#include <QString>

namespace anycast {

// What a reader found in an audit log: every line that is a JSON object, and the line numbers
// (1-based, counted in what was read) of those that are not: a torn write, a full disk, a
// hand edit. A bad line costs only itself; the records after it are kept.
struct AuditRecords
{
    QList<QJsonObject> records;
    QList<qsizetype> skippedLines;
};

// state_dir/audit.log: one compact JSON object per line (docs/API.md, "The audit log").
//
// The file is opened for each entry, so logrotate may move it away at any time (no signal,
// no copytruncate): the next entry creates a fresh file. Each line goes out in one
// O_APPEND write(2), so concurrent writers (a second agent, a tool) never interleave lines,
// and starts on a line of its own whatever the file ends with: after a torn last line, the
// same write begins with the missing '\n'. A symbolic link at the path is never followed.
class AuditLog final
{
public:
    enum class Sync
    {
        Durable, // fsync before returning: for what must be on disk before the reply
        Lazy,    // left to the kernel: for refusals, which must not cost a disk flush each
    };

    explicit AuditLog(QString path);

    // Gives the entry the next id, writes it and returns the id. Errors name the log's path
    // and the system's error text; on error the entry must be taken as not audited (and the
    // action refused).
    Result<quint64> append(AuditEntry entry, Sync sync = Sync::Durable);
    // Ids continue after `highest` (read back from the file at start).
    void continueAfter(quint64 highest);

    const QString &path() const { return m_path; }

    // Every line, for tests and diagnostics; an error only when the file cannot be read.
    static Result<AuditRecords> readAll(const QString &path);
    // The lines in the last `maxBytes` of the file (a partial first line is dropped unread):
    // what start-up needs to continue ids and finish attempts, whatever the log's size.
    static Result<AuditRecords> readTail(const QString &path, qint64 maxBytes);

private:
    QString m_path;
    quint64 m_nextId = 1;
};

} // namespace anycast
