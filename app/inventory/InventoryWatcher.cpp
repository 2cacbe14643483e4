#include "app/inventory/InventoryWatcher.h"

#include "app/inventory/InventoryReader.h"

#include <QFile>
#include <QFileInfo>

namespace anycast {

InventoryWatcher::InventoryWatcher(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    // Editors write in several steps (truncate, write, rename); read once they are done.
    m_settle.setSingleShot(true);
    m_settle.setInterval(150);
    connect(&m_settle, &QTimer::timeout, this, &InventoryWatcher::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_settle.start(); });
}

bool InventoryWatcher::start()
{
    reload();
    return m_current.has_value() && m_error.isEmpty();
}

void InventoryWatcher::watch()
{
    // The folder that will hold the file, or on a first run (no ~/.config/anycast-console
    // yet) the nearest one that exists: the file is seen when the operator writes it.
    QString folder = QFileInfo(m_path).absolutePath();
    while (!QFileInfo(folder).isDir()) {
        const QString parent = QFileInfo(folder).absolutePath();
        if (parent == folder)
            break;
        folder = parent;
    }
    for (const QString &watched : m_watcher.directories()) {
        if (watched != folder)
            m_watcher.removePath(watched);
    }
    if (!m_watcher.directories().contains(folder))
        m_watcher.addPath(folder);
    // A file replaced by rename is a new inode: QFileSystemWatcher drops the old one.
    if (!m_watcher.files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher.addPath(m_path);
}

void InventoryWatcher::reload()
{
    watch();
    QFile file(m_path);
    std::optional<QByteArray> bytes;
    if (file.open(QIODevice::ReadOnly))
        bytes = file.readAll();
    if (m_readOnce && bytes == m_lastBytes)
        return; // a touch, or a change in the folder that is not this file
    m_readOnce = true;
    m_lastBytes = bytes;

    const Result<Inventory> inventory = loadInventory(m_path);
    if (!inventory) {
        m_error = inventory.error();
        emit inventoryError(m_error);
        return;
    }
    m_error.clear();
    const QList<InventoryNode> before = m_current ? m_current->nodes : QList<InventoryNode>();
    const InventoryDiff diff = InventoryDiff::between(before, inventory->nodes);
    m_current = inventory.value();
    emit inventoryChanged(*m_current, diff);
}

} // namespace anycast
