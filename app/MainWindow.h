#pragma once

#include <QMainWindow>

class QStackedWidget;

namespace anycast {

class ConnectionListWidget;
class FirstRunWidget;
class FleetConnections;
class InventoryWatcher;

// The console's main window. Without a usable inventory it shows where the file goes and an
// example (FirstRunWidget); with one, each node's connection state. The fleet tree, charts,
// map and drain controls arrive with the models and views.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(InventoryWatcher &inventory, FleetConnections &fleet, QString localSocket,
               QWidget *parent = nullptr);

private:
    void showInventoryState();
    void useLocalAgent();

    InventoryWatcher &m_inventory;
    QString m_localSocket;
    QStackedWidget *m_pages = nullptr;
    FirstRunWidget *m_firstRun = nullptr;
    ConnectionListWidget *m_connections = nullptr;
};

} // namespace anycast
