#pragma once

// What the /proc/net/tcp parser and reader tests share: a line that parses, and the helpers
// their assertions print and compare with.

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace anycast::proctcptest {

inline constexpr char kListenLine[] =
    "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 "
    "00:00000000 00000000     0        0 12345 1 0000000000000000 "
    "100 0 0 10 0";

inline std::string text(const QString &string)
{
    return string.toStdString();
}

inline std::array<std::uint8_t, 16> bytes(std::initializer_list<int> values)
{
    std::array<std::uint8_t, 16> out{};
    std::size_t i = 0;
    for (const int value : values)
        out[i++] = static_cast<std::uint8_t>(value);
    return out;
}

} // namespace anycast::proctcptest
