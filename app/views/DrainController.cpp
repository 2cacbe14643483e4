#include "app/views/DrainController.h"

#include "app/dialogs/DrainDialog.h"
#include "app/models/FleetState.h"
#include "app/session/NodeSession.h"
#include "app/views/DrainProgressPanel.h"

#include <QAction>
#include <QPushButton>

namespace anycast {
namespace {

// The operator state of what `target` points at, as the node last reported it.
std::optional<OperatorState> scopeState(const NodeSnapshot &node, const DrainTarget &target)
{
    if (!node.status)
        return std::nullopt;
    if (!target.service)
        return node.status->operatorStatus.nodeState;
    if (const ServiceStatus *service = node.statusOf(*target.service))
        return service->operatorState;
    return std::nullopt;
}

} // namespace

DrainController::DrainController(FleetState *fleet, SessionLookup sessions, QWidget *dialogParent,
                                 QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_sessions(std::move(sessions))
    , m_dialogParent(dialogParent)
    , m_drain(new QAction(tr("&Drain…"), this))
    , m_undrain(new QAction(tr("&Undrain…"), this))
    , m_panel(new DrainProgressPanel(dialogParent))
{
    m_drain->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_undrain->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_drain->setToolTip(tr("Withdraw the selected node's or service's routes, gracefully "
                           "(BGP sessions stay up)"));
    m_undrain->setToolTip(tr("Announce the selected node's or service's routes again"));
    connect(m_drain, &QAction::triggered, this, [this] { openDialog(DrainAction::Drain); });
    connect(m_undrain, &QAction::triggered, this, [this] { openDialog(DrainAction::Undrain); });
    connect(m_fleet, &FleetState::nodeChanged, this,
            [this](const QString &endpoint, FleetState::Aspects aspects) {
                if (endpoint == m_endpoint)
                    updateActions();
                if (aspects & (FleetState::StatusAspect | FleetState::SampleAspect))
                    observe(endpoint);
            });
    connect(m_fleet, &FleetState::nodeRemoved, this, [this](const QString &endpoint) {
        if (endpoint == m_endpoint)
            setTarget({}, {}, {});
    });
    m_panel->setDrains(m_drains);
    updateActions();
}

QString DrainController::panelTitle()
{
    //: Title of the dock that lists the drains sent from this console and their phases.
    return tr("Drains");
}

QSet<QString> DrainController::busyRegions() const
{
    QSet<QString> regions;
    for (const DrainProgress &drain : m_drains) {
        if (!drain.finished())
            regions.insert(drain.region());
    }
    return regions;
}

void DrainController::setTarget(const QString &, const QString &endpoint, const QString &service)
{
    m_endpoint = endpoint;
    m_service = endpoint.isEmpty() ? QString() : service;
    updateActions();
}

DrainTarget DrainController::target() const
{
    DrainTarget target{m_endpoint, std::nullopt};
    if (!m_service.isEmpty())
        target.service = m_service;
    return target;
}

void DrainController::updateActions()
{
    bool drainable = false;
    bool undrainable = false;
    const NodeSnapshot *node = m_endpoint.isEmpty() ? nullptr : m_fleet->node(m_endpoint);
    NodeSession *session = node ? m_sessions(m_endpoint) : nullptr;
    if (node && session && session->canMutate()) {
        if (const auto state = scopeState(*node, target())) {
            drainable = *state != OperatorState::Drained;
            undrainable = *state != OperatorState::Active;
        }
    }
    m_drain->setEnabled(drainable);
    m_undrain->setEnabled(undrainable);
}

DrainDialog *DrainController::openDialog(DrainAction action)
{
    QAction *wanted = action == DrainAction::Drain ? m_drain : m_undrain;
    if (!wanted->isEnabled())
        return nullptr;
    auto *dialog =
        new DrainDialog(DrainPlan::of(*m_fleet, action, target(), busyRegions()), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { send(*dialog); });
    dialog->open();
    dialog->cancelButton()->setFocus();
    emit dialogOpened(dialog);
    return dialog;
}

void DrainController::send(const DrainDialog &dialog)
{
    const DrainPlan &plan = dialog.plan();
    // The plan was checked when the dialog opened; the fleet may have moved since.
    NodeSession *session = m_sessions(plan.target.endpoint);
    const qsizetype index = m_drains.size();
    QPointer<DrainController> self(this);
    const auto done = [self, index](CallOutcome<MutationReply> outcome) {
        if (!self)
            return;
        DrainProgress &drain = self->m_drains[index];
        drain.replied(outcome);
        if (const NodeSnapshot *node = self->m_fleet->node(drain.target().endpoint))
            drain.observe(*node);
        self->finishedChanged();
    };
    const bool regionBusy = busyRegions().contains(plan.region);
    m_drains.append(DrainProgress(plan, dialog.mode()));
    if (!session) {
        m_drains[index].replied(
            ClientError{CallFailure::Closed, tr("the node has left the inventory")});
    } else if (regionBusy) {
        // Two dialogs confirmed for one region: only the first goes out.
        m_drains[index].replied(ClientError{
            CallFailure::Closed,
            tr("not sent: this console has a drain under way in region %1").arg(plan.region)});
    } else if (plan.action == DrainAction::Drain) {
        session->drain(dialog.drainRequest(), done);
    } else {
        session->undrain(dialog.undrainRequest(), done);
    }
    finishedChanged();
}

void DrainController::observe(const QString &endpoint)
{
    const NodeSnapshot *node = m_fleet->node(endpoint);
    if (!node)
        return;
    bool changed = false;
    for (DrainProgress &drain : m_drains) {
        if (drain.finished() || drain.target().endpoint != endpoint)
            continue;
        const QList<DrainStepView> before = drain.steps();
        const DrainOutcome outcome = drain.outcome();
        drain.observe(*node);
        changed = changed || drain.steps() != before || drain.outcome() != outcome;
    }
    if (changed)
        finishedChanged();
}

void DrainController::finishedChanged()
{
    m_panel->setDrains(m_drains);
    updateActions();
    emit progressChanged();
}

} // namespace anycast
