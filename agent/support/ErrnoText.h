#pragma once

#include <QString>

namespace anycast {

// What a failed system call's errno means, in the words strerror uses ("No such file or
// directory"), for error messages that name the call and the path themselves.
QString errnoText(int error);

} // namespace anycast
