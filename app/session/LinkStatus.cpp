#include "app/session/LinkStatus.h"

#include <array>

namespace anycast {

std::optional<qint64> LinkStatus::retryInSeconds(Clock::time_point now) const
{
    if (!retryAt)
        return std::nullopt;
    const auto left = std::chrono::ceil<std::chrono::seconds>(*retryAt - now).count();
    return std::max<qint64>(0, left);
}

QString linkPhaseName(LinkPhase phase)
{
    static constexpr std::array<const char *, kLinkPhaseCount> names = {
        "connecting",       "connected",        "reconnecting",      "unreachable",
        "host-key-unknown", "host-key-refused", "permission-denied", "agent-socket-unreachable",
        "protocol-mismatch"};
    return QString::fromLatin1(names[static_cast<std::size_t>(phase)]);
}

} // namespace anycast
