#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <cstdio>

namespace anycast {

// Small pieces of anycastctl's human-readable output.

enum class Newlines
{
    Escape, // a value that must stay on its line
    Keep,   // output anycastctl itself split into lines
};

// `text` with every character a terminal would act on or that would hide or reorder text (C0
// and C1 controls, DEL, bidirectional overrides and isolates and other format characters,
// line and paragraph separators, private-use and unassigned code points, lone surrogates)
// written as JSON writes an escaped character (backslash, u, four hex digits): the result
// reads the same inside a JSON string.
// Everything anycastctl prints passes through it; nothing the agent sends reaches the
// terminal raw.
QString escapeNonPrintable(QStringView text, Newlines newlines = Newlines::Escape);

// The output edge: `text` through escapeNonPrintable (newlines kept) to stdout or stderr,
// flushed (watch is read line by line through pipes).
void writeText(std::FILE *stream, const QString &text);

// Columns of the terminal on stdout; without one (a pipe, a file), $COLUMNS or 100.
int terminalWidth();

// `text` cut to at most `width` characters, the cut marked with "...". Zero or less: uncut.
QString elide(const QString &text, int width);

// An ISO 8601 time from the agent, in UTC without milliseconds: "2024-05-01 12:00:00Z", or
// with `withDate` false "12:00:00Z". Text that is not such a time is shown unchanged.
QString utcTime(const QString &iso, bool withDate = true);
// The same for a time the typed model already holds.
QString utcTime(const QDateTime &time, bool withDate = true);

} // namespace anycast
