#pragma once

#include <QString>

namespace anycast {

// Small pieces of anycastctl's human-readable output.

// Columns of the terminal on stdout; without one (a pipe, a file), $COLUMNS or 100.
int terminalWidth();

// `text` cut to at most `width` characters, the cut marked with "...". Zero or less: uncut.
QString elide(const QString &text, int width);

// An ISO 8601 time from the agent, in UTC without milliseconds: "2024-05-01 12:00:00Z", or
// with `withDate` false "12:00:00Z". Text that is not such a time is shown unchanged.
QString utcTime(const QString &iso, bool withDate = true);

} // namespace anycast
