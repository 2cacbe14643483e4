#pragma once

#include "agent/state/DrainState.h"
#include "common/Result.h"

#include <QDateTime>
#include <QString>

namespace anycast {

// What loading the drain state file found.
struct DrainStateLoad
{
    enum class Kind
    {
        Loaded,     // the file was read and is valid: `state` holds it
        Missing,    // no file (first start, or never drained): `state` is empty
        Unreadable, // the file is there but cannot be read (EACCES, EISDIR, EIO...)
        Corrupt,    // read, but not a valid state file (not JSON, wrong shape, unknown version)
    };

    Kind kind = Kind::Missing;
    DrainState state;
    // For Unreadable and Corrupt: the path and what is wrong, e.g.
    // "/var/lib/anycast-agent/drain-state.json: line 1: unterminated string".
    QString message;

    bool failed() const { return kind == Kind::Unreadable || kind == Kind::Corrupt; }
};

// The drain state file in state_dir. Drains must survive restart, crash (kill -9) and reboot,
// and a drained node never announces, not even for one sample after start.
//
// The safe choice on start, which the runtime makes:
//  - Missing: nothing was ever drained (a save replaces the file by rename, so there is no
//    window in which a drained node has no file): start active.
//  - Unreadable or Corrupt: we cannot know what operators asked for, and announcing a node
//    they drained is the worse mistake. Treat the whole node as drained
//    (failSafeState(): reason "drain state unreadable: <message>"), move the bad file aside
//    to "<path>.corrupt" with quarantine() so an operator can inspect it, and log it. An
//    operator's undrain then writes a fresh, valid file.
// A leftover "<path>.tmp" is a save that never finished (never acknowledged); it is ignored
// and overwritten by the next save.
class DrainStateFile final
{
public:
    static DrainStateLoad load(const QString &path);

    // Durable and atomic: writes "<path>.tmp" (mode 0640), fsyncs it, renames it over `path`,
    // then fsyncs the folder. Readers and a crash at any point see the old state or the new
    // one, never a partial file. Each failure names the path and the system's error text.
    static Result<bool> save(const QString &path, const DrainState &state);

    // Renames the file at `path` to "<path>.corrupt" (replacing an older one) and returns the
    // new path.
    static Result<QString> quarantine(const QString &path);

    // The state to run with after a failed load: the whole node drained, immediately, with
    // the load's message as the reason, by the agent itself.
    static DrainState failSafeState(const DrainStateLoad &load, const QDateTime &now);

    // A state file larger than this is not ours: refuse it rather than read it into memory.
    static constexpr qsizetype kMaxFileSize = 16 * 1024 * 1024;
};

} // namespace anycast
