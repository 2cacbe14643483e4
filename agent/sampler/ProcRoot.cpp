#include "agent/sampler/ProcRoot.h"

#include <QByteArray>

namespace anycast {

QString defaultProcRoot()
{
    const QByteArray fromEnvironment = qgetenv("ANYCAST_PROC_ROOT");
    return fromEnvironment.isEmpty() ? QStringLiteral("/proc")
                                     : QString::fromLocal8Bit(fromEnvironment);
}

} // namespace anycast
