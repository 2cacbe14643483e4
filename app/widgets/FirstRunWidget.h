#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace anycast {

// What the window shows without a usable inventory: where the file goes, a short example,
// the error of a bad file (FILE:LINE:COL), and, when an agent runs on this machine, a button
// that writes an inventory naming it. A placeholder the views will restyle.
class FirstRunWidget final : public QWidget
{
    Q_OBJECT

public:
    FirstRunWidget(QString inventoryPath, QString localSocket, QWidget *parent = nullptr);

    // Empty: the file is missing; otherwise why it cannot be used.
    void setProblem(const QString &problem);

    static QString exampleInventory();

signals:
    void localAgentChosen();

private:
    QString m_inventoryPath;
    QLabel *m_problem = nullptr;
};

} // namespace anycast
