#pragma once

#include "common/IpAddress.h"
#include "common/Result.h"

#include <QString>

#include <optional>

namespace anycast {

// The next hop of the agent's announcements: "self" (ExaBGP uses the session's local
// address) or one canonical unicast address (see IpAddress; loopback, multicast,
// unspecified and the like are refused, as they are for prefixes).
class NextHop final
{
public:
    // Errors read after the quoted text: "is loopback (127.0.0.0/8)".
    static Result<NextHop> parse(const QString &text);

    bool isSelf() const { return !m_address; }
    QString toString() const;

private:
    std::optional<IpAddress> m_address;
};

} // namespace anycast
