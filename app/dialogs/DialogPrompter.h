#pragma once

#include "app/transport/SshPrompter.h"

class QWidget;

namespace anycast {

// The operator answers host key and passphrase questions in non-modal dialogs (the window
// and every other connection carry on meanwhile).
class DialogPrompter final : public SshPrompter
{
public:
    explicit DialogPrompter(QWidget *parent);

    void askHostKey(const HostKeyReport &question, HostKeyAnswer answer) override;
    void askPassphrase(const PassphraseQuestion &question, PassphraseAnswer answer) override;

private:
    QWidget *m_parent;
};

} // namespace anycast
