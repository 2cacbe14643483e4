#pragma once

#include <cstdint>

namespace anycast::test {

// A TCP port on 127.0.0.1 for a daemon that must be told its port (the agent's http_listen,
// GoBGP, sshd): free when asked, and chosen below the kernel's ephemeral range
// (net.ipv4.ip_local_port_range), so no bind to port 0 and no outgoing connection of any
// process can be handed it before the daemon binds it. Asking the kernel for port 0 and
// closing, as these harnesses once did, lost that race in CI: the lab service's own bind to
// 127.0.0.1:0 got the port just released for the agent's status endpoint.
// Never the same port twice in one process. 0 when no free port was found.
std::uint16_t freeLoopbackPort();

} // namespace anycast::test
