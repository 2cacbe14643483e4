#pragma once

#include <QMainWindow>

namespace anycast {

// The console's main window. For now an empty chart and a status line: the SSH transport,
// region charts, map and drain controls arrive with the console issue.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace anycast
