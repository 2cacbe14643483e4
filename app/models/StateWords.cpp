#include "app/models/StateWords.h"

#include "app/words/StateNames.h"

namespace anycast {

QString StateWords::health(const HealthLabel &health)
{
    if (health.starting)
        return tr("starting");
    switch (health.health) {
    case ServiceHealth::Healthy:
        return tr("healthy");
    case ServiceHealth::Degraded:
        return tr("degraded");
    case ServiceHealth::Down:
        return tr("down");
    }
    return {};
}

QString StateWords::operatorState(OperatorState state)
{
    switch (state) {
    case OperatorState::Active:
        return tr("active");
    case OperatorState::Draining:
        return StateNames::of(RoutingState::Draining);
    case OperatorState::Drained:
        return StateNames::of(RoutingState::Drained);
    }
    return {};
}

QString StateWords::presence(PrefixPresence presence)
{
    switch (presence) {
    case PrefixPresence::Announced:
        return StateNames::of(RoutingState::Announced);
    case PrefixPresence::DePreferred:
        return StateNames::of(RoutingState::DePreferred);
    case PrefixPresence::Draining:
        return StateNames::of(RoutingState::Draining);
    case PrefixPresence::Withdrawn:
        return StateNames::of(RoutingState::Withdrawn);
    case PrefixPresence::Unknown:
        return tr("unknown (unreachable)");
    }
    return {};
}

QString StateWords::level(RollupLevel level)
{
    switch (level) {
    case RollupLevel::Ok:
        return tr("ok");
    case RollupLevel::Unknown:
        return tr("unknown");
    case RollupLevel::Warning:
        return tr("warning");
    case RollupLevel::Failing:
        return tr("failing");
    }
    return {};
}

QString StateWords::linkPhase(LinkPhase phase)
{
    switch (phase) {
    case LinkPhase::Connecting:
        return tr("connecting");
    case LinkPhase::Connected:
        return tr("connected");
    case LinkPhase::Reconnecting:
        return tr("reconnecting");
    case LinkPhase::Unreachable:
        return tr("unreachable");
    case LinkPhase::HostKeyUnknown:
        return tr("host key unknown");
    case LinkPhase::HostKeyRefused:
        return tr("host key refused");
    case LinkPhase::PermissionDenied:
        return tr("permission denied");
    case LinkPhase::AgentSocketUnreachable:
        return tr("agent socket unreachable");
    case LinkPhase::ProtocolMismatch:
        return tr("protocol version mismatch");
    }
    return {};
}

QString StateWords::link(const LinkStatus &link, LinkStatus::Clock::time_point now)
{
    const std::optional<qint64> retry = link.retryInSeconds(now);
    if (link.phase == LinkPhase::Reconnecting && retry)
        return tr("reconnecting in %n s", nullptr, static_cast<int>(*retry));
    const QString phase = linkPhase(link.phase);
    if (link.reason.isEmpty() || link.phase == LinkPhase::Connected)
        return phase;
    if (retry) {
        return tr("%1: %2 (retrying in %n s)", nullptr, static_cast<int>(*retry))
            .arg(phase, link.reason);
    }
    return tr("%1: %2").arg(phase, link.reason);
}

QString StateWords::finding(const RollupFinding &finding)
{
    switch (finding.kind) {
    case RollupFinding::Kind::NoNodes:
        return tr("no nodes");
    case RollupFinding::Kind::NoneReachable:
        return tr("no node reachable: state unknown");
    case RollupFinding::Kind::Unreachable:
        return tr("%1 unreachable: its routes are unknown").arg(finding.subject);
    case RollupFinding::Kind::PrefixDown:
        return tr("%1: no node announces it (withdrawn for health)").arg(finding.subject);
    case RollupFinding::Kind::PrefixDrained:
        return tr("%1: withdrawn by operator drains on every node").arg(finding.subject);
    case RollupFinding::Kind::LostRedundancy:
        return tr("%1: lost redundancy, %2").arg(finding.subject, tally(finding.tally));
    case RollupFinding::Kind::ServiceFailing:
        return tr("%1 failing its health checks").arg(finding.subject);
    case RollupFinding::Kind::NodeDrained:
        if (finding.detail.isEmpty())
            return tr("%1 drained by an operator").arg(finding.subject);
        return tr("%1 drained by %2").arg(finding.subject, finding.detail);
    }
    return {};
}

QString StateWords::tally(const PrefixTally &tally)
{
    if (tally.unknown() > 0) {
        return tr("%1 of %2 announcing (%3 unknown)")
            .arg(tally.announcing())
            .arg(tally.total)
            .arg(tally.unknown());
    }
    return tr("%1 of %2 announcing").arg(tally.announcing()).arg(tally.total);
}

QString StateWords::age(double seconds)
{
    if (seconds < 120)
        return tr("%n s", nullptr, static_cast<int>(seconds));
    if (seconds < 7200)
        return tr("%n min", nullptr, static_cast<int>(seconds / 60));
    return tr("%n h", nullptr, static_cast<int>(seconds / 3600));
}

} // namespace anycast
