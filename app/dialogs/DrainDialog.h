#pragma once

#include "app/models/DrainPlan.h"
#include "common/protocol/MutationRequest.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace anycast {

// Asks an operator to confirm a drain or undrain that a DrainPlan describes: its Scope,
// Availability per prefix and Risk, a required reason, a ticket, graceful or immediate, and
// `force` only when the fleet guard would hold the route. The accept button names the verb
// and the target; Cancel has the focus; when the plan is risky (or forced) the node's name
// must be typed before the button enables. A plan that cannot be sent never enables it.
class DrainDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit DrainDialog(DrainPlan plan, QWidget *parent = nullptr);

    const DrainPlan &plan() const { return m_plan; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLineEdit *reasonField() const { return m_reason; }
    QLineEdit *ticketField() const { return m_ticket; }
    QLineEdit *confirmField() const { return m_confirm; }
    QRadioButton *immediateButton() const { return m_immediate; }
    QCheckBox *forceBox() const { return m_force; } // null unless the guard would hold
    // Why the accept button is disabled, as the dialog shows it; empty when enabled.
    QString hint() const;
    // The availability and risk lines exactly as shown.
    QStringList availabilityLines() const;
    QStringList riskLines() const;
    bool needsTypedName() const;

    // What the operator confirmed (valid once the dialog was accepted).
    DrainRequest drainRequest() const;
    UndrainRequest undrainRequest() const;
    DrainMode mode() const;

private:
    QWidget *scopeSection();
    QWidget *availabilitySection();
    QWidget *riskSection();
    QWidget *formSection();
    void update();
    QString availabilityLine(const PrefixAvailability &row) const;
    OperatorRequest request() const;

    DrainPlan m_plan;
    QStringList m_availabilityLines;
    QStringList m_riskLines;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_ticket = nullptr;
    QRadioButton *m_graceful = nullptr;
    QRadioButton *m_immediate = nullptr;
    QCheckBox *m_force = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace anycast
