#pragma once

#include <QString>

#include <optional>

namespace anycast {

// The state vocabularies of DESIGN.md ("States"), shared by agent and console.

enum class ServiceHealth
{
    Healthy,
    Degraded,
    Down
};
enum class OperatorState
{
    Active,
    Draining,
    Drained
};
enum class PrefixState
{
    Announced,
    Degraded,
    Draining,
    Withdrawn
};

QString healthName(ServiceHealth health);
QString operatorStateName(OperatorState state);
QString prefixStateName(PrefixState state);
std::optional<ServiceHealth> healthFromName(QStringView name);
std::optional<OperatorState> operatorStateFromName(QStringView name);
std::optional<PrefixState> prefixStateFromName(QStringView name);

} // namespace anycast
