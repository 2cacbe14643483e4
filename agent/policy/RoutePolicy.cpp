#include "agent/policy/RoutePolicy.h"

#include "common/protocol/UndrainGate.h"

namespace anycast {
namespace {

QString joined(const QStringList &reasons)
{
    return reasons.join(QStringLiteral("; "));
}

QString duration(std::chrono::seconds seconds)
{
    const auto count = seconds.count();
    if (count >= 120)
        return QStringLiteral("%1 min").arg(count / 60);
    return QStringLiteral("%1 s").arg(count);
}

} // namespace

RoutePolicy::RoutePolicy(QStringList prefixes, const PolicyConfig &config)
    : m_route(config.route)
    , m_minAnnouncing(config.minAnnouncing)
{
    for (const QString &prefix : prefixes) {
        m_current.append(withdrawn(prefix, QStringLiteral("not announced yet")));
        m_budgets.emplace_back(config.flapBudget, config.flapWindow);
    }
}

void RoutePolicy::reconfigure(const PolicyConfig &config)
{
    m_route = config.route;
    m_minAnnouncing = config.minAnnouncing;
    for (FlapBudget &budget : m_budgets)
        budget.reconfigure(config.flapBudget, config.flapWindow);
}

PrefixDecision RoutePolicy::withdrawn(const QString &prefix, const QString &reason) const
{
    return {prefix, PrefixState::Withdrawn, {}, reason};
}

PrefixDecision RoutePolicy::deprefered(const QString &prefix, const QString &reason) const
{
    return {prefix,
            PrefixState::Degraded,
            {m_route.degradedMed, m_route.communities, m_route.degradedPrepend},
            reason};
}

PrefixDecision RoutePolicy::desired(const QString &prefix, const PolicyInput &input,
                                    SteadyTime now) const
{
    if (input.operatorState == OperatorState::Drained)
        return withdrawn(prefix, QStringLiteral("drained by an operator"));
    // A drain bleeds traffic off a working service; a service that is down has nothing to
    // bleed and must not keep attracting users for the drain's grace time.
    const bool downAndWithdrawn = input.health == ServiceHealth::Down && m_route.withdrawOnDown;
    if (input.operatorState == OperatorState::Draining && !downAndWithdrawn) {
        const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(
            now - input.drainStarted.value_or(now));
        if (input.drainImmediate)
            return withdrawn(prefix, QStringLiteral("drained immediately by an operator"));
        if (input.established < m_route.drainFloor) {
            return withdrawn(prefix, QStringLiteral("drain complete: %1 established, below the "
                                                    "floor of %2")
                                         .arg(input.established)
                                         .arg(m_route.drainFloor));
        }
        if (elapsed >= m_route.drainGrace) {
            return withdrawn(prefix, QStringLiteral("drain grace of %1 over with %2 still "
                                                    "established")
                                         .arg(duration(m_route.drainGrace))
                                         .arg(input.established));
        }
        QStringList communities = m_route.communities;
        communities.append(kGracefulShutdownCommunity);
        return {prefix,
                PrefixState::Draining,
                {m_route.med, communities, m_route.drainPrepend},
                QStringLiteral("draining: %1 established, withdraw below %2 or in %3")
                    .arg(input.established)
                    .arg(m_route.drainFloor)
                    .arg(duration(m_route.drainGrace - elapsed))};
    }
    switch (input.health) {
    case ServiceHealth::Down:
        if (!input.sharedFault.isEmpty()) {
            return deprefered(prefix, QStringLiteral("down: %1; %2: de-preferred, not withdrawn")
                                          .arg(joined(input.healthReasons), input.sharedFault));
        }
        if (m_route.withdrawOnDown)
            return withdrawn(prefix, QStringLiteral("down: ") + joined(input.healthReasons));
        return {prefix,
                PrefixState::Degraded,
                {m_route.downMed, m_route.communities, m_route.degradedPrepend},
                QStringLiteral("down (withdraw_on_down = false): ") + joined(input.healthReasons)};
    case ServiceHealth::Degraded:
        return deprefered(prefix, QStringLiteral("degraded: ") + joined(input.healthReasons));
    case ServiceHealth::Healthy:
        break;
    }
    return {prefix,
            PrefixState::Announced,
            {m_route.med, m_route.communities, 0},
            QStringLiteral("healthy")};
}

const QList<PrefixDecision> &RoutePolicy::decide(const PolicyInput &input, const FleetLookup &fleet,
                                                 SteadyTime now)
{
    for (qsizetype i = 0; i < m_current.size(); ++i) {
        PrefixDecision &current = m_current[i];
        PrefixDecision wanted = desired(current.prefix, input, now);
        if (wanted.state == PrefixState::Draining && !current.announced()) {
            // Never start announcing a prefix just to drain it.
            wanted = withdrawn(current.prefix, QStringLiteral("draining: not announced, nothing "
                                                              "to drain"));
        }
        if (wanted.announced() && !current.announced() &&
            input.undrainChecksSeen < input.undrainChecksNeeded) {
            wanted =
                withdrawn(current.prefix,
                          undrainGateReason({input.undrainChecksNeeded, input.undrainChecksSeen}));
        }

        // The fleet guard only matters when this node would stop announcing.
        const FleetVerdict guard =
            fleet ? fleetGuard(fleet(current.prefix), m_minAnnouncing) : FleetVerdict{};
        if (!wanted.announced() && current.announced() && !guard.allowWithdraw) {
            if (input.forceWithdraw)
                wanted.reason += QStringLiteral("; fleet guard overridden by an operator");
            else
                wanted = deprefered(current.prefix, wanted.reason +
                                                        QStringLiteral("; withdrawal "
                                                                       "held back: ") +
                                                        guard.reason);
        }

        if (wanted.sameRoute(current)) {
            current.reason = wanted.reason;
            continue;
        }
        FlapBudget &budget = m_budgets[i];
        const int remaining = budget.remaining(now);
        if (remaining >= 2) {
            current = wanted;
            budget.record(now);
            continue;
        }
        const auto window = duration(budget.window());
        const auto freeIn =
            std::chrono::duration_cast<std::chrono::seconds>(budget.nextFree(now) - now);
        if (remaining == 1) {
            // The last change in the window goes to the safest state, which is then held.
            const bool mayWithdraw = guard.allowWithdraw || input.forceWithdraw;
            PrefixDecision harbour =
                mayWithdraw ? withdrawn(current.prefix, {}) : deprefered(current.prefix, {});
            harbour.reason = QStringLiteral("%1; flap budget: last of %2 changes in %3, holding "
                                            "%4")
                                 .arg(wanted.reason, QString::number(budget.budget()), window,
                                      prefixStateName(harbour.state));
            if (!harbour.sameRoute(current)) {
                current = harbour;
                budget.record(now);
            } else {
                current.reason = harbour.reason;
            }
            continue;
        }
        current.reason =
            QStringLiteral("flap budget spent (%1 changes in %2): holding %3 for "
                           "%4; wanted %5 (%6)")
                .arg(QString::number(budget.budget()), window, prefixStateName(current.state),
                     duration(freeIn), prefixStateName(wanted.state), wanted.reason);
    }
    return m_current;
}

} // namespace anycast
