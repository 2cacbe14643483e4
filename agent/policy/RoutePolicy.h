#pragma once

#include "agent/policy/FlapBudget.h"
#include "agent/policy/FleetGuard.h"
#include "agent/policy/RouteDecision.h"

#include <QList>

#include <functional>
#include <optional>
#include <vector>

namespace anycast {

// Everything the policy weighs for one service at one moment.
struct PolicyInput
{
    ServiceHealth health = ServiceHealth::Down;
    QStringList healthReasons;
    OperatorState operatorState = OperatorState::Active;
    std::optional<SteadyTime> drainStarted;
    bool drainImmediate = false;
    quint64 established = 0;    // connections still on the service (drain bleed-off)
    bool forceWithdraw = false; // an operator overrode the fleet guard (audited by the caller)
    // Set when most peers' probes of the same service fail too (see SharedFaultRule): a
    // down service is then de-preferred instead of withdrawn.
    QString sharedFault;
    // After an undrain, a withdrawn prefix comes back only after this many healthy checks.
    int undrainChecksNeeded = 0;
    int undrainChecksSeen = 0;
};

using FleetLookup = std::function<FleetView(const QString &prefix)>;

// The configuration a service's route policy follows: its own [service.route] and the
// agent-wide flap budget and fleet guard. Built from the agent's config in one place
// (AgentConfig::policyConfig).
struct PolicyConfig
{
    RouteConfig route;
    int flapBudget = 4;
    std::chrono::seconds flapWindow{900};
    int minAnnouncing = 1;

    bool operator==(const PolicyConfig &) const = default;
};

// (health, operator state, fleet view) -> the desired announcement of each of a service's
// prefixes, with a reason. Remembers what it last decided so it can apply the flap budget
// and the fleet guard, which are about changes. Pure and clock-injected.
class RoutePolicy
{
public:
    RoutePolicy(QStringList prefixes, const PolicyConfig &config);
    RoutePolicy(QStringList prefixes, RouteConfig route, int flapBudget,
                std::chrono::seconds flapWindow, int minAnnouncing)
        : RoutePolicy(std::move(prefixes),
                      PolicyConfig{route, flapBudget, flapWindow, minAnnouncing})
    {}

    const QList<PrefixDecision> &decide(const PolicyInput &input, const FleetLookup &fleet,
                                        SteadyTime now);
    const QList<PrefixDecision> &current() const { return m_current; }
    // A config reload: what is announced now stays until the next decide(); the flap
    // budgets keep the changes already made.
    void reconfigure(const PolicyConfig &config);
    void reconfigure(RouteConfig route, int flapBudget, std::chrono::seconds flapWindow,
                     int minAnnouncing)
    {
        reconfigure(PolicyConfig{route, flapBudget, flapWindow, minAnnouncing});
    }

private:
    PrefixDecision desired(const QString &prefix, const PolicyInput &input, SteadyTime now) const;
    PrefixDecision deprefered(const QString &prefix, const QString &reason) const;
    PrefixDecision withdrawn(const QString &prefix, const QString &reason) const;

    RouteConfig m_route;
    int m_minAnnouncing;
    QList<PrefixDecision> m_current;
    std::vector<FlapBudget> m_budgets;
};

} // namespace anycast
