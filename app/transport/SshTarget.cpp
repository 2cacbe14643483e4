#include "app/transport/SshTarget.h"

#include <QStringList>

namespace anycast {

QString SshTarget::key() const
{
    QStringList hops;
    if (via) {
        for (const SshDestination &hop : *via)
            hops.append(hop.toString());
    }
    return QStringLiteral("%1|%2|%3|%4")
        .arg(destination.toString(), sshConfig,
             via ? QStringLiteral("via") : QStringLiteral("config"), hops.join(QLatin1Char(',')));
}

} // namespace anycast
