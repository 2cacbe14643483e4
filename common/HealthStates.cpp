#include "common/HealthStates.h"

#include <array>

namespace anycast {
namespace {

constexpr std::array kHealthNames = {"healthy", "degraded", "down"};
constexpr std::array kOperatorNames = {"active", "draining", "drained"};
constexpr std::array kPrefixNames = {"announced", "degraded", "draining", "withdrawn"};

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<const char *, N> &names, QStringView name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace

QString healthName(ServiceHealth health)
{
    return QString::fromLatin1(kHealthNames[static_cast<std::size_t>(health)]);
}

QString operatorStateName(OperatorState state)
{
    return QString::fromLatin1(kOperatorNames[static_cast<std::size_t>(state)]);
}

QString prefixStateName(PrefixState state)
{
    return QString::fromLatin1(kPrefixNames[static_cast<std::size_t>(state)]);
}

std::optional<ServiceHealth> healthFromName(QStringView name)
{
    return fromName<ServiceHealth>(kHealthNames, name);
}

std::optional<OperatorState> operatorStateFromName(QStringView name)
{
    return fromName<OperatorState>(kOperatorNames, name);
}

std::optional<PrefixState> prefixStateFromName(QStringView name)
{
    return fromName<PrefixState>(kPrefixNames, name);
}

} // namespace anycast
