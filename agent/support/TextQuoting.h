#pragma once

#include <QString>

#include <cstddef>
#include <string_view>

namespace anycast {

// How quoted() says that it showed only the start of the text.
enum class CutMark
{
    Ellipsis,  // 'first bytes...'
    ByteCount, // 'first bytes' (123 bytes)
};

// `text` from a file or the kernel in single quotes for an error message: bytes that are not
// printable ASCII escaped as \xNN, so garbage cannot put control characters into a log line,
// and at most `maxShown` bytes shown, so one huge line cannot flood it.
QString quoted(std::string_view text, std::size_t maxShown, CutMark mark);

} // namespace anycast
