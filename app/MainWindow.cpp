#include "MainWindow.h"

#include <QChart>
#include <QChartView>
#include <QStatusBar>

namespace anycast {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Anycast Console"));
    auto *chart = new QChart;
    chart->setTitle(tr("Socket states per region"));
    setCentralWidget(new QChartView(chart, this));
    statusBar()->showMessage(tr("No agents connected"));
    resize(1000, 700);
}

} // namespace anycast
