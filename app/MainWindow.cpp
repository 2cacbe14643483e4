#include "MainWindow.h"

#include "ConnectionListWidget.h"
#include "FirstRunWidget.h"
#include "FleetConnections.h"
#include "InventoryWatcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

namespace anycast {

MainWindow::MainWindow(InventoryWatcher &inventory, FleetConnections &fleet, QString localSocket,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_inventory(inventory)
    , m_localSocket(std::move(localSocket))
{
    setWindowTitle(tr("Anycast Console"));
    m_pages = new QStackedWidget(this);
    m_firstRun = new FirstRunWidget(inventory.path(), m_localSocket, m_pages);
    m_connections = new ConnectionListWidget(m_pages);
    m_pages->addWidget(m_firstRun);
    m_pages->addWidget(m_connections);
    setCentralWidget(m_pages);
    connect(m_firstRun, &FirstRunWidget::localAgentChosen, this, &MainWindow::useLocalAgent);
    connect(&fleet, &FleetConnections::nodeAdded, m_connections, &ConnectionListWidget::addNode);
    connect(&fleet, &FleetConnections::nodeRemoved, m_connections,
            &ConnectionListWidget::removeNode);
    connect(&inventory, &InventoryWatcher::inventoryChanged, this, &MainWindow::showInventoryState);
    connect(&inventory, &InventoryWatcher::inventoryError, this, &MainWindow::showInventoryState);
    showInventoryState();
    resize(1000, 700);
}

void MainWindow::showInventoryState()
{
    const bool haveFleet = m_inventory.current().has_value();
    m_pages->setCurrentWidget(haveFleet ? static_cast<QWidget *>(m_connections) : m_firstRun);
    const QString &error = m_inventory.error();
    const bool missing = !QFileInfo::exists(m_inventory.path());
    m_firstRun->setProblem(missing ? QString() : error);
    if (error.isEmpty()) {
        statusBar()->showMessage(haveFleet ? tr("Inventory: %1").arg(m_inventory.path())
                                           : tr("No agents connected"));
    } else if (haveFleet) {
        // A bad edit: the running fleet stays, and the error says where to look.
        statusBar()->showMessage(tr("Inventory not reloaded: %1").arg(error));
    } else {
        statusBar()->showMessage(tr("No agents connected"));
    }
}

void MainWindow::useLocalAgent()
{
    const QString path = m_inventory.path();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (QFileInfo::exists(path) || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        QMessageBox::warning(this, tr("Inventory"),
                             tr("Cannot create %1: %2").arg(path, file.errorString()));
        return;
    }
    file.write(QStringLiteral("[[node]]\nlocal = \"%1\"\n").arg(m_localSocket).toUtf8());
    file.close();
    m_inventory.start();
}

} // namespace anycast
