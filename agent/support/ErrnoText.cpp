#include "agent/support/ErrnoText.h"

#include <system_error>

namespace anycast {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::generic_category().message(error));
}

} // namespace anycast
