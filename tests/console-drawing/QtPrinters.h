#pragma once

#include <QString>

#include <ostream>

// GoogleTest prints Qt strings as text in failure messages.
inline void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}
