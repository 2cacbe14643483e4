#include "app/widgets/FirstRunWidget.h"

#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace anycast {

FirstRunWidget::FirstRunWidget(QString inventoryPath, QString localSocket, QWidget *parent)
    : QWidget(parent)
    , m_inventoryPath(std::move(inventoryPath))
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>No fleet yet</h2>"), this);
    layout->addWidget(title);
    auto *where = new QLabel(
        tr("The console reads its nodes from <b>%1</b>. Write that file (or start the console "
           "with <tt>--inventory FILE</tt>); changes are picked up while it runs.")
            .arg(m_inventoryPath.toHtmlEscaped()),
        this);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #D55E00;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    layout->addWidget(new QLabel(tr("For example:"), this));
    auto *example = new QPlainTextEdit(exampleInventory(), this);
    example->setReadOnly(true);
    example->setObjectName(QStringLiteral("exampleInventory"));
    layout->addWidget(example);
    if (QFileInfo::exists(localSocket)) {
        auto *useLocal =
            new QPushButton(tr("Use the agent on this machine (%1)").arg(localSocket), this);
        useLocal->setObjectName(QStringLiteral("useLocalAgent"));
        connect(useLocal, &QPushButton::clicked, this, &FirstRunWidget::localAgentChosen);
        layout->addWidget(useLocal);
    }
    layout->addStretch();
}

void FirstRunWidget::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

QString FirstRunWidget::exampleInventory()
{
    return QStringLiteral(
        "# ssh_config = \"~/.ssh/config\"   # optional: the ssh_config for every node\n"
        "\n"
        "[[node]]\n"
        "ssh = \"noc@fra-1.example.net\"     # user@host[:port] or a Host alias\n"
        "\n"
        "[[node]]\n"
        "ssh = \"ams-2\"\n"
        "socket = \"/run/anycast-agent/api.sock\"   # the default\n"
        "\n"
        "[[node]]\n"
        "local = \"/run/anycast-agent/api.sock\"    # an agent on this machine, no SSH\n");
}

} // namespace anycast
