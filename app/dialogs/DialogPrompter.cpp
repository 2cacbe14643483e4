#include "app/dialogs/DialogPrompter.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace anycast {

DialogPrompter::DialogPrompter(QWidget *parent)
    : m_parent(parent)
{}

void DialogPrompter::askHostKey(const HostKeyReport &question, HostKeyAnswer answer)
{
    auto *box = new QMessageBox(m_parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(QObject::tr("Unknown host key"));
    box->setText(question.isJumpHost
                     ? QObject::tr("Jump host %1 is not in known_hosts.").arg(question.host)
                     : QObject::tr("Host %1 is not in known_hosts.").arg(question.host));
    box->setInformativeText(
        QObject::tr("Its %1 key has the fingerprint\n%2\n\nCompare it with the one the host's "
                    "administrator gave you. Accepting adds it to %3.")
            .arg(question.keyType, question.fingerprint, question.knownHostsFile));
    QPushButton *accept =
        box->addButton(QObject::tr("Accept and connect"), QMessageBox::AcceptRole);
    // Enter refuses: accepting a key is a decision, never a reflex.
    box->setDefaultButton(box->addButton(QObject::tr("Refuse"), QMessageBox::RejectRole));
    QObject::connect(box, &QMessageBox::finished, box,
                     [box, accept, answer] { answer(box->clickedButton() == accept); });
    box->open();
}

void DialogPrompter::askPassphrase(const PassphraseQuestion &question, PassphraseAnswer answer)
{
    auto *dialog = new QInputDialog(m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("Key passphrase"));
    dialog->setLabelText(QObject::tr("Passphrase for %1 (logging in to %2):")
                             .arg(question.keyFile, question.destination));
    dialog->setTextEchoMode(QLineEdit::Password);
    QObject::connect(dialog, &QInputDialog::finished, dialog, [dialog, answer](int result) {
        if (result == QDialog::Accepted)
            answer(dialog->textValue());
        else
            answer(std::nullopt);
        dialog->setTextValue(QString());
    });
    dialog->open();
}

} // namespace anycast
