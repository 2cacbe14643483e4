#pragma once

#include "app/transport/ConnectionState.h"

#include <QString>

#include <functional>
#include <optional>

namespace anycast {

struct PassphraseQuestion
{
    QString keyFile;
    QString destination; // user@host the key is for
};

// What the console asks the operator while it connects. Called in the UI thread; the answer
// may come later (a dialog), exactly once, in the UI thread. Tests answer programmatically.
class SshPrompter
{
public:
    using HostKeyAnswer = std::function<void(bool accept)>;
    using PassphraseAnswer = std::function<void(std::optional<QString> passphrase)>;

    virtual ~SshPrompter() = default;
    // An unknown host key: accepting writes it to known_hosts. Never asked for a changed key.
    virtual void askHostKey(const HostKeyReport &question, HostKeyAnswer answer) = 0;
    // The passphrase of an encrypted key; nullopt skips the key. Never stored.
    virtual void askPassphrase(const PassphraseQuestion &question, PassphraseAnswer answer) = 0;
};

} // namespace anycast
