#pragma once

#include <QStringView>

#include <algorithm>

namespace anycast {

// One or more of the ASCII digits 0-9 and nothing else. QString::toUInt() alone would also
// take a sign, surrounding spaces and other scripts' digits, which must not pass as numbers
// in addresses, prefix lengths or communities.
inline bool isAsciiDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar character) {
        return character >= QLatin1Char('0') && character <= QLatin1Char('9');
    });
}

} // namespace anycast
