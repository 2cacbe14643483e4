#include "app/models/DrainProgress.h"

#include "common/protocol/UndrainGate.h"

#include <algorithm>

namespace anycast {
namespace {

bool announcedRoute(const PrefixDecision &route)
{
    return route.state == PrefixState::Announced || route.state == PrefixState::Degraded;
}

QString reasonsOf(const QList<PrefixDecision> &routes, PrefixState state)
{
    QStringList reasons;
    for (const PrefixDecision &route : routes) {
        if (route.state == state)
            reasons.append(QStringLiteral("%1: %2").arg(route.prefix, route.reason));
    }
    return reasons.join(QLatin1Char('\n'));
}

} // namespace

DrainProgress::DrainProgress(const DrainPlan &plan, DrainMode mode)
    : m_action(plan.action)
    , m_target(plan.target)
    , m_region(plan.region)
    , m_mode(mode)
    , m_prefixes(plan.prefixes)
{
    //: Title of a drain in progress: "Drain fra-03" or "Drain web on fra-03".
    m_title = plan.action == DrainAction::Drain ? tr("Drain %1").arg(plan.targetText())
                                                //: Title of an undrain in progress.
                                                : tr("Undrain %1").arg(plan.targetText());
    const QList<DrainStep> order =
        m_action == DrainAction::Drain
            ? QList<DrainStep>{DrainStep::Requested, DrainStep::DePreferred, DrainStep::Bleeding,
                               DrainStep::Withdrawn}
            : QList<DrainStep>{DrainStep::Requested, DrainStep::WaitingChecks,
                               DrainStep::Announced};
    for (DrainStep step : order)
        m_steps.append({step, StepState::Pending, {}});
    set(DrainStep::Requested, StepState::Active, tr("sent; waiting for the agent"));
}

QString DrainProgress::stepName(DrainStep step)
{
    switch (step) {
    case DrainStep::Requested:
        return tr("requested");
    case DrainStep::DePreferred:
        return tr("de-preferred (65535:0, prepends)");
    case DrainStep::Bleeding:
        return tr("bleeding");
    case DrainStep::Withdrawn:
        return tr("withdrawn");
    case DrainStep::WaitingChecks:
        return tr("waiting for healthy checks");
    case DrainStep::Announced:
        return tr("announced again");
    }
    return {};
}

QList<DrainStepView> DrainProgress::steps() const
{
    return m_steps;
}

void DrainProgress::set(DrainStep step, StepState state, const QString &detail)
{
    for (DrainStepView &view : m_steps) {
        if (view.step == step) {
            view.state = state;
            view.detail = detail;
        }
    }
}

void DrainProgress::replied(const CallOutcome<MutationReply> &outcome)
{
    if (m_acknowledged || finished())
        return;
    if (const auto *reply = std::get_if<MutationReply>(&outcome)) {
        m_acknowledged = true;
        m_message = reply->message;
        if (m_action == DrainAction::Undrain && !reply->persisted) {
            // Nothing was drained: the agent changed nothing, and says so.
            set(DrainStep::Requested, StepState::Done, reply->message);
            m_outcome = DrainOutcome::Completed;
            return;
        }
        set(DrainStep::Requested, StepState::Done, reply->message);
        return;
    }
    if (const auto *error = std::get_if<RpcError>(&outcome)) {
        m_outcome = DrainOutcome::Refused;
        if (error->code == kPermissionDenied)
            m_message = tr("Refused by the agent (permission denied): %1").arg(error->message);
        else if (error->code == kNotPersisted)
            m_message =
                tr("Refused by the agent (not persisted, nothing changed): %1").arg(error->message);
        else
            m_message =
                tr("Refused by the agent (error %1): %2").arg(error->code).arg(error->message);
    } else {
        const ClientError &failure = std::get<ClientError>(outcome);
        m_outcome = DrainOutcome::Failed;
        m_message = failure.failure == CallFailure::Timeout
                        ? tr("No answer from the agent: %1. Whether it took effect shows in the "
                             "node's status.")
                              .arg(failure.message)
                        : tr("Not done: %1").arg(failure.message);
    }
    set(DrainStep::Requested, StepState::Pending, m_message);
}

DrainProgress::ScopeRoutes DrainProgress::scopeOf(const NodeSnapshot &node) const
{
    ScopeRoutes scope;
    if (!node.status)
        return scope;
    if (!m_target.service)
        scope.operatorActive = node.status->operatorStatus.nodeState == OperatorState::Active;
    for (const ServiceStatus &service : node.status->services) {
        if (m_target.service && service.name != *m_target.service)
            continue;
        if (m_target.service)
            scope.operatorActive = service.operatorState == OperatorState::Active;
        scope.established += node.established(service.name);
        for (const PrefixDecision &route : service.routes) {
            if (m_prefixes.contains(route.prefix))
                scope.routes.append(route);
        }
    }
    return scope;
}

void DrainProgress::observe(const NodeSnapshot &node)
{
    if (!m_acknowledged || finished())
        return;
    const ScopeRoutes scope = scopeOf(node);
    // A status from before the agent applied the mutation says nothing about it.
    if (scope.routes.isEmpty() || scope.operatorActive != (m_action == DrainAction::Undrain))
        return;
    if (m_action == DrainAction::Drain)
        observeDrain(scope);
    else
        observeUndrain(scope);
}

void DrainProgress::observeDrain(const ScopeRoutes &scope)
{
    const auto count = [&](auto predicate) {
        return std::count_if(scope.routes.begin(), scope.routes.end(), predicate);
    };
    const auto draining =
        count([](const PrefixDecision &route) { return route.state == PrefixState::Draining; });
    const auto withdrawn =
        count([](const PrefixDecision &route) { return route.state == PrefixState::Withdrawn; });
    if (draining > 0) {
        const PrefixDecision &route =
            *std::find_if(scope.routes.begin(), scope.routes.end(),
                          [](const PrefixDecision &r) { return r.state == PrefixState::Draining; });
        set(DrainStep::DePreferred, StepState::Done,
            tr("communities %1; %n prepend(s)", nullptr, route.attributes.prepend)
                .arg(route.attributes.communities.join(QStringLiteral(" "))));
        set(DrainStep::Bleeding, StepState::Active,
            tr("%n ESTABLISHED now", nullptr, static_cast<int>(scope.established)) +
                QLatin1Char('\n') + reasonsOf(scope.routes, PrefixState::Draining));
        return;
    }
    if (withdrawn == scope.routes.size()) {
        const bool skipped = m_mode == DrainMode::Immediate;
        for (DrainStep step : {DrainStep::DePreferred, DrainStep::Bleeding}) {
            const auto it = std::find_if(m_steps.begin(), m_steps.end(),
                                         [step](const DrainStepView &v) { return v.step == step; });
            if (it->state != StepState::Done)
                set(step, skipped ? StepState::Skipped : StepState::Done, it->detail);
        }
        set(DrainStep::Withdrawn, StepState::Done, reasonsOf(scope.routes, PrefixState::Withdrawn));
        m_outcome = DrainOutcome::Completed;
        return;
    }
    // In force, yet announced without GRACEFUL_SHUTDOWN: the agent holds the route back.
    QStringList held;
    for (const PrefixDecision &route : scope.routes) {
        if (announcedRoute(route))
            held.append(QStringLiteral("%1: %2").arg(route.prefix, route.reason));
    }
    m_outcome = DrainOutcome::Held;
    m_message = tr("Drained, but the agent still announces:\n%1").arg(held.join(QLatin1Char('\n')));
    set(DrainStep::Withdrawn, StepState::Pending, held.join(QLatin1Char('\n')));
}

void DrainProgress::observeUndrain(const ScopeRoutes &scope)
{
    bool allBack = true;
    QStringList waiting;
    for (const PrefixDecision &route : scope.routes) {
        if (route.announced())
            continue;
        allBack = false;
        waiting.append(QStringLiteral("%1: %2").arg(route.prefix, route.reason));
        if (const std::optional<UndrainGate> gate = undrainGateOf(route.reason))
            m_checksNeeded = gate->needed;
    }
    if (allBack) {
        set(DrainStep::WaitingChecks, StepState::Done, {});
        set(DrainStep::Announced, StepState::Done, reasonsOf(scope.routes, PrefixState::Announced));
        m_outcome = DrainOutcome::Completed;
        return;
    }
    const QString header =
        m_checksNeeded ? tr("announces again after %n healthy check(s)", nullptr, *m_checksNeeded)
                       : tr("announces again after the service's healthy checks");
    set(DrainStep::WaitingChecks, StepState::Active,
        header + QLatin1Char('\n') + waiting.join(QLatin1Char('\n')));
}

} // namespace anycast
