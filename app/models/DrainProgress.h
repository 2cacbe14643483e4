#pragma once

#include "app/models/DrainPlan.h"
#include "app/models/NodeSnapshot.h"
#include "common/protocol/AgentClient.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace anycast {

// The phases a drain goes through on the node, and an undrain's two.
enum class DrainStep
{
    Requested,   // sent; the agent acknowledged it (persisted and audited)
    DePreferred, // announced with GRACEFUL_SHUTDOWN (65535:0) and prepends
    Bleeding,    // established connections falling toward the floor
    Withdrawn,
    WaitingChecks, // undrain: withdrawn until the service passed its healthy checks
    Announced,     // undrain: the route is back
};

enum class StepState
{
    Pending,
    Active,
    Done,
    Skipped, // an immediate drain never de-prefers or bleeds
};

enum class DrainOutcome
{
    InProgress,
    Completed,
    Held,    // in force, but the agent keeps announcing (fleet guard, flap budget)
    Refused, // the agent said no (permission, not persisted, bad parameter): nothing changed
    Failed,  // no answer: whether it took effect is unknown until the node reports
};

struct DrainStepView
{
    DrainStep step = DrainStep::Requested;
    StepState state = StepState::Pending;
    QString detail; // the agent's own reasons, when it gave any

    bool operator==(const DrainStepView &) const = default;
};

// Follows one drain or undrain from the moment it is sent: the agent's reply, then the
// node's status and samples as they arrive. Pure: fed by the controller, read by the panel
// and the tests. A refusal or a failure is never shown as progress.
class DrainProgress
{
    Q_DECLARE_TR_FUNCTIONS(DrainProgress)

public:
    DrainProgress(const DrainPlan &plan, DrainMode mode);

    void replied(const CallOutcome<MutationReply> &outcome);
    void observe(const NodeSnapshot &node);

    const DrainTarget &target() const { return m_target; }
    DrainAction action() const { return m_action; }
    const QString &region() const { return m_region; }
    // "Drain fra-03", "Undrain web on fra-03".
    const QString &title() const { return m_title; }
    DrainOutcome outcome() const { return m_outcome; }
    bool finished() const { return m_outcome != DrainOutcome::InProgress; }
    // The agent's message or error, or why the call got no answer.
    const QString &message() const { return m_message; }
    std::optional<int> checksNeeded() const { return m_checksNeeded; }
    QList<DrainStepView> steps() const;
    // What a step is called, for every view of the phases.
    static QString stepName(DrainStep step);

private:
    struct ScopeRoutes
    {
        QList<PrefixDecision> routes;
        bool operatorActive = true;
        quint64 established = 0;
    };
    ScopeRoutes scopeOf(const NodeSnapshot &node) const;
    void observeDrain(const ScopeRoutes &scope);
    void observeUndrain(const ScopeRoutes &scope);
    void set(DrainStep step, StepState state, const QString &detail = {});

    DrainAction m_action;
    DrainTarget m_target;
    QString m_region;
    QString m_title;
    DrainMode m_mode;
    QStringList m_prefixes;
    DrainOutcome m_outcome = DrainOutcome::InProgress;
    bool m_acknowledged = false;
    QString m_message;
    std::optional<int> m_checksNeeded;
    QList<DrainStepView> m_steps;
};

} // namespace anycast
