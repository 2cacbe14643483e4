#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace anycast {

// Left-aligned columns two spaces apart, the way `ss` and `ip` print. The last column is the
// free-text one (a reason, a message): it is cut so that each line fits the given width.
class TextTable
{
public:
    explicit TextTable(QStringList header);

    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Lines end with '\n' and have no trailing spaces. `width` 0 never cuts; the last column
    // keeps at least a few characters even when the others leave no room.
    QString render(int width) const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace anycast
