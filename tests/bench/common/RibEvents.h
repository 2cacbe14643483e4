#pragma once

#include "tests/bench/common/TimedChild.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace anycast::bench {

// One change of a prefix in GoBGP's RIB as `gobgp monitor global rib -j` streams it.
struct RibEvent
{
    Clock::time_point at;
    QString prefix;
    bool withdrawn = false;
    int asPathLength = 0;
    std::optional<quint32> med;
};

// Parses one line of the monitor (a JSON array of paths) into events.
std::vector<RibEvent> parseRibMonitorLine(const TimedLine &line);

// GoBGP's RIB as a stream of timestamped changes: `gobgp monitor global rib -j --current`
// runs as a TimedChild, so each change is timed when GoBGP printed it, not when the
// benchmark got round to looking (a poll of `gobgp global rib` is late by up to its period
// and the CLI's start-up).
class RibEvents
{
public:
    explicit RibEvents(quint16 apiPort);

    // Every event from index `from` on.
    std::vector<RibEvent> since(std::size_t from) const;
    // The first event for `prefix` from `from` on that satisfies `match`, until `deadline`.
    std::optional<RibEvent> waitFor(const QString &prefix,
                                    const std::function<bool(const RibEvent &)> &match,
                                    std::size_t from, Clock::time_point deadline);
    // How many monitor lines have arrived: a position to wait from.
    std::size_t position() const { return m_child->lineCount(); }
    // The latest event for `prefix` so far.
    std::optional<RibEvent> latest(const QString &prefix) const;
    pid_t pid() const { return m_child->pid(); }

private:
    std::unique_ptr<TimedChild> m_child;
};

} // namespace anycast::bench
