#pragma once

#include "agent/support/FileDescriptor.h"

#include <cstdint>
#include <netinet/in.h>
#include <optional>
#include <string>
#include <string_view>
#include <sys/socket.h>

namespace anycast::lab {

// A numeric IPv4 or IPv6 address and a TCP port: what --listen names.
struct Endpoint
{
    sockaddr_storage address{};
    socklen_t length = 0;

    int family() const { return address.ss_family; }
    std::uint16_t port() const;
    void setPort(std::uint16_t port);
    // "127.0.0.1:8080" or "[::1]:8080": brackets keep an IPv6 address's colons apart from the
    // port, so a reader can always take the text after the last ':' as the port.
    std::string toString() const;

    // Accepts "127.0.0.1:80", "[::1]:80" and "::1:80" (the last ':' starts the port). Only
    // numeric addresses: the lab never wants a name lookup to decide where it listens.
    static std::optional<Endpoint> parse(std::string_view text);
};

// A non-blocking TCP listener on `endpoint` with SO_REUSEADDR (so it can listen again on a
// port whose old connections still linger) and, for IPv6, IPV6_V6ONLY (so "::1" means only
// IPv6). Throws std::system_error naming the failing call.
FileDescriptor openTcpListener(const Endpoint &endpoint, int backlog);

} // namespace anycast::lab
