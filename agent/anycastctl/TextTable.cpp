#include "agent/anycastctl/TextTable.h"

#include "agent/anycastctl/ConsoleText.h"

#include <algorithm>

namespace anycast {
namespace {

constexpr int kGap = 2;
// Below this, a cut reason says nothing; let such a line run past the width instead.
constexpr int kMinimumLastColumn = 24;

} // namespace

TextTable::TextTable(QStringList header)
    : m_header(std::move(header))
{}

void TextTable::addRow(QStringList cells)
{
    cells.resize(m_header.size());
    // One line per row, whatever the agent's text holds (an exec probe's output, say): line
    // breaks become spaces, other controls visible escapes, before the widths are measured.
    for (QString &cell : cells) {
        for (QChar &character : cell) {
            if (character.isSpace())
                character = u' ';
        }
        cell = escapeNonPrintable(cell);
    }
    m_rows.append(std::move(cells));
}

QString TextTable::render(int width) const
{
    const qsizetype columns = m_header.size();
    QList<qsizetype> widths(columns, 0);
    auto measure = [&](const QStringList &cells) {
        for (qsizetype column = 0; column + 1 < columns; ++column)
            widths[column] = std::max(widths[column], cells[column].size());
    };
    measure(m_header);
    for (const QStringList &row : m_rows)
        measure(row);
    qsizetype indent = 0;
    for (qsizetype column = 0; column + 1 < columns; ++column)
        indent += widths[column] + kGap;
    const int lastWidth =
        width > 0 ? std::max<int>(kMinimumLastColumn, width - static_cast<int>(indent)) : 0;

    QString text;
    auto append = [&](const QStringList &cells) {
        QString line;
        for (qsizetype column = 0; column + 1 < columns; ++column)
            line += cells[column].leftJustified(widths[column] + kGap);
        line += elide(cells[columns - 1], lastWidth);
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    };
    append(m_header);
    for (const QStringList &row : m_rows)
        append(row);
    return text;
}

} // namespace anycast
