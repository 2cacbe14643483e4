#pragma once

#include <QString>

namespace anycast {

// Where /proc is: $ANYCAST_PROC_ROOT when set (tests point it at fixture trees, as iproute2's
// ss honours PROC_ROOT), otherwise "/proc".
QString defaultProcRoot();

} // namespace anycast
