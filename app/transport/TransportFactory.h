#pragma once

#include "app/inventory/Inventory.h"
#include "app/transport/AgentTransport.h"

#include <memory>

namespace anycast {

class SshNetwork;

// The transport an inventory node asks for: SshTransport for `ssh`, LocalTransport for
// `local`. Not started.
std::unique_ptr<AgentTransport> makeTransport(const InventoryNode &node, SshNetwork &network);

} // namespace anycast
