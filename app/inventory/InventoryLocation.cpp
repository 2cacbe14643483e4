#include "app/inventory/InventoryLocation.h"

#include <QDir>

namespace anycast {

QString inventoryPathFor(const QString &xdgConfigHome, const QString &home)
{
    const QString base =
        QDir::isAbsolutePath(xdgConfigHome) ? xdgConfigHome : home + QStringLiteral("/.config");
    return QDir::cleanPath(base + QStringLiteral("/anycast-console/fleet.toml"));
}

QString defaultInventoryPath()
{
    return inventoryPathFor(qEnvironmentVariable("XDG_CONFIG_HOME"), QDir::homePath());
}

} // namespace anycast
