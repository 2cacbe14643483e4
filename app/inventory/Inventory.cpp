#include "app/inventory/Inventory.h"

namespace anycast {

QString InventoryNode::endpoint() const
{
    if (kind == Kind::Local)
        return QStringLiteral("local:") + socket;
    // The ssh_config file is part of the endpoint: another file may resolve the same alias
    // to another host, user or jump host.
    return QStringLiteral("ssh:%1|%2|%3").arg(ssh.toString(), socket, sshConfig);
}

QString InventoryNode::displayName() const
{
    if (kind == Kind::Local)
        return QStringLiteral("local %1").arg(socket);
    if (socket == QLatin1String(kDefaultAgentSocket))
        return ssh.toString();
    return QStringLiteral("%1 %2").arg(ssh.toString(), socket);
}

} // namespace anycast
