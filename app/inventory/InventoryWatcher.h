#pragma once

#include "app/inventory/Inventory.h"
#include "app/inventory/InventoryDiff.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

#include <optional>

namespace anycast {

// Keeps the inventory in step with its file. Editors save in place or write a new file and
// rename it over the old one; both are seen (the file and its folder are watched, and the
// file is watched again after each change), and so is a file written into a folder that did
// not exist when the console started. A bad edit keeps the inventory in force and
// reports the error; the next good edit is compared with the inventory in force.
class InventoryWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit InventoryWatcher(QString path, QObject *parent = nullptr);

    // Reads the file now and starts watching. True if it holds a good inventory.
    bool start();

    const QString &path() const { return m_path; }
    const std::optional<Inventory> &current() const { return m_current; }
    // The last read's error; empty after a good read.
    const QString &error() const { return m_error; }

signals:
    // A good read of changed bytes (the diff may be empty: comments edited, or a bad edit
    // put right).
    void inventoryChanged(const anycast::Inventory &inventory, const anycast::InventoryDiff &diff);
    // A bad read: the inventory in force (if any) stays.
    void inventoryError(const QString &error);

private:
    void watch();
    void reload();

    QString m_path;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    std::optional<QByteArray> m_lastBytes; // nullopt: the file was missing
    bool m_readOnce = false;
    std::optional<Inventory> m_current;
    QString m_error;
};

} // namespace anycast
