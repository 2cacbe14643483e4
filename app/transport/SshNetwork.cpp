#include "app/transport/SshNetwork.h"

#include "app/transport/SshNetworkCore.h"

#include <libssh/libssh.h>
#include <mutex>

namespace anycast {

SshNetwork::SshNetwork(QObject *parent)
    : QObject(parent)
    , m_core(std::make_shared<SshNetworkCore>())
{
    static std::once_flag initialised;
    std::call_once(initialised, [] { ssh_init(); });
}

SshNetwork::~SshNetwork()
{
    using namespace std::chrono_literals;
    m_core->shutdown(3s);
}

void SshNetwork::setPrompter(SshPrompter *prompter)
{
    m_core->setPrompter(prompter ? this : nullptr, prompter);
}

int SshNetwork::threadCount() const
{
    return m_core->threadCount();
}

} // namespace anycast
