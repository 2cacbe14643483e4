#include "app/transport/TransportFactory.h"

#include "app/transport/LocalTransport.h"
#include "app/transport/SshTransport.h"

namespace anycast {

std::unique_ptr<AgentTransport> makeTransport(const InventoryNode &node, SshNetwork &network)
{
    if (node.kind == InventoryNode::Kind::Local)
        return std::make_unique<LocalTransport>(node.socket);
    SshTarget target;
    target.destination = node.ssh;
    target.sshConfig = node.sshConfig;
    return std::make_unique<SshTransport>(network, target, node.socket);
}

} // namespace anycast
