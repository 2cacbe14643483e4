#include "app/dialogs/DrainDialog.h"

#include "common/protocol/TextParameter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace anycast {
namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DrainDialog::DrainDialog(DrainPlan plan, QWidget *parent)
    : QDialog(parent)
    , m_plan(std::move(plan))
{
    const bool drain = m_plan.action == DrainAction::Drain;
    setWindowTitle(drain ? tr("Drain %1").arg(m_plan.targetText())
                         : tr("Undrain %1").arg(m_plan.targetText()));
    auto *layout = new QVBoxLayout(this);
    auto *heading =
        new QLabel(drain ? tr("Drain %1 (region %2)").arg(m_plan.targetText(), m_plan.region)
                         : tr("Undrain %1 (region %2)").arg(m_plan.targetText(), m_plan.region),
                   this);
    QFont bigger = heading->font();
    bigger.setBold(true);
    bigger.setPointSizeF(bigger.pointSizeF() * 1.25);
    heading->setFont(bigger);
    layout->addWidget(heading);
    auto *sessions = wrappedLabel(
        drain ? tr("BGP sessions stay up: the node withdraws its routes, it does not close its "
                   "sessions.")
              : tr("BGP sessions stayed up while drained: the routes are announced again "
                   "once the service passes its healthy checks."),
        this);
    sessions->setObjectName(QStringLiteral("sessionsNote"));
    layout->addWidget(sessions);
    layout->addWidget(scopeSection());
    layout->addWidget(availabilitySection());
    if (drain)
        layout->addWidget(riskSection());
    if (!m_plan.rightsNote.isEmpty()) {
        auto *rights = wrappedLabel(m_plan.rightsNote, this);
        rights->setObjectName(QStringLiteral("rightsNote"));
        layout->addWidget(rights);
    }
    layout->addWidget(formSection());
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    auto *buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(drain ? tr("Drain %1").arg(m_plan.targetText())
                                        : tr("Undrain %1").arg(m_plan.targetText()),
                                  QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter must never confirm a drain by accident: Cancel is the default button (else the
    // button box makes its first accept button the default when shown).
    m_accept->setAutoDefault(false);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_cancel->setFocus();
    update();
}

QWidget *DrainDialog::scopeSection()
{
    auto *box = new QGroupBox(tr("Scope"), this);
    auto *layout = new QVBoxLayout(box);
    const QString prefixes =
        m_plan.prefixes.isEmpty() ? tr("(none)") : m_plan.prefixes.join(QStringLiteral(", "));
    const QString text =
        m_plan.target.service
            ? tr("Service %1 on node %2 in region %3\nPrefixes: %4")
                  .arg(*m_plan.target.service, m_plan.nodeName, m_plan.region, prefixes)
            : tr("Node %1 in region %2, every service (%3)\nPrefixes: %4")
                  .arg(m_plan.nodeName, m_plan.region, m_plan.services.join(QStringLiteral(", ")),
                       prefixes);
    auto *label = wrappedLabel(text, box);
    label->setObjectName(QStringLiteral("scope"));
    layout->addWidget(label);
    return box;
}

QString DrainDialog::availabilityLine(const PrefixAvailability &row) const
{
    QStringList parts;
    //: Availability of a prefix: announcing nodes before -> after the drain.
    parts.append(tr("%1: %2 -> %3 nodes").arg(row.prefix).arg(row.before).arg(row.after));
    for (const RegionAvailability &region : row.regions) {
        if (region.region == m_plan.region)
            parts.append(
                tr("region %1 %2 -> %3").arg(region.region).arg(region.before).arg(region.after));
    }
    for (const RegionAvailability &region : row.regions) {
        if (region.region != m_plan.region)
            parts.append(tr("region %1 %2").arg(region.region).arg(region.before));
    }
    if (row.unknown > 0)
        parts.append(tr("%n not reporting", nullptr, row.unknown));
    return parts.join(QStringLiteral("; "));
}

QWidget *DrainDialog::availabilitySection()
{
    auto *box = new QGroupBox(tr("Availability (announcing nodes before -> after)"), this);
    auto *layout = new QVBoxLayout(box);
    for (const PrefixAvailability &row : std::as_const(m_plan.availability))
        m_availabilityLines.append(availabilityLine(row));
    if (m_availabilityLines.isEmpty())
        m_availabilityLines.append(tr("No prefix is in scope."));
    for (const QString &line : std::as_const(m_availabilityLines)) {
        auto *label = wrappedLabel(line, box);
        label->setObjectName(QStringLiteral("availabilityRow"));
        layout->addWidget(label);
    }
    return box;
}

QWidget *DrainDialog::riskSection()
{
    auto *box = new QGroupBox(tr("Risk"), this);
    auto *layout = new QVBoxLayout(box);
    for (const DrainRisk &risk : std::as_const(m_plan.risks))
        m_riskLines.append(risk.text);
    if (m_riskLines.isEmpty()) {
        layout->addWidget(
            wrappedLabel(tr("None found: other nodes keep announcing every prefix."), box));
        return box;
    }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    for (const QString &line : std::as_const(m_riskLines)) {
        auto *row = new QHBoxLayout;
        auto *icon = new QLabel(box);
        icon->setPixmap(warning.pixmap(size, size));
        icon->setAlignment(Qt::AlignTop);
        row->addWidget(icon);
        auto *label = wrappedLabel(line, box);
        label->setObjectName(QStringLiteral("riskRow"));
        row->addWidget(label, 1);
        layout->addLayout(row);
    }
    return box;
}

QWidget *DrainDialog::formSection()
{
    auto *form = new QWidget(this);
    auto *layout = new QFormLayout(form);
    m_reason = new QLineEdit(form);
    m_reason->setMaxLength(static_cast<int>(kMaxReasonLength));
    m_reason->setPlaceholderText(tr("required: why, for the audit log"));
    layout->addRow(tr("&Reason:"), m_reason);
    m_ticket = new QLineEdit(form);
    m_ticket->setMaxLength(static_cast<int>(kMaxTicketLength));
    m_ticket->setPlaceholderText(tr("optional, e.g. CHG-1234"));
    layout->addRow(tr("&Ticket:"), m_ticket);
    connect(m_reason, &QLineEdit::textChanged, this, &DrainDialog::update);
    connect(m_ticket, &QLineEdit::textChanged, this, &DrainDialog::update);
    if (m_plan.action == DrainAction::Drain) {
        m_graceful = new QRadioButton(
            tr("&Graceful: announce with 65535:0 and prepends, withdraw once connections have "
               "bled off"),
            form);
        m_immediate = new QRadioButton(tr("&Immediate: withdraw now"), form);
        m_graceful->setChecked(true);
        auto *modes = new QVBoxLayout;
        modes->addWidget(m_graceful);
        modes->addWidget(m_immediate);
        layout->addRow(tr("Mode:"), modes);
        if (m_plan.guardWouldHold) {
            m_force = new QCheckBox(
                tr("&Force: override the fleet guard and withdraw below min_announcing %1")
                    .arg(m_plan.minAnnouncing),
                form);
            layout->addRow(QString(), m_force);
            connect(m_force, &QCheckBox::toggled, this, &DrainDialog::update);
        }
    }
    m_confirmLabel = new QLabel(tr("Type %1 to &confirm:").arg(m_plan.nodeName), form);
    m_confirm = new QLineEdit(form);
    m_confirmLabel->setBuddy(m_confirm);
    layout->addRow(m_confirmLabel, m_confirm);
    connect(m_confirm, &QLineEdit::textChanged, this, &DrainDialog::update);
    return form;
}

bool DrainDialog::needsTypedName() const
{
    return m_plan.action == DrainAction::Drain &&
           m_plan.friction(m_force && m_force->isChecked()) == DrainFriction::TypeNodeName;
}

QString DrainDialog::hint() const
{
    if (!m_plan.canSend())
        return m_plan.problem;
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty())
        return tr("A reason is required.");
    if (const auto problem = textParameterProblem(reason, kMaxReasonLength))
        return tr("The reason %1.").arg(*problem);
    const QString ticket = m_ticket->text().trimmed();
    if (!ticket.isEmpty()) {
        if (const auto problem = textParameterProblem(ticket, kMaxTicketLength))
            return tr("The ticket %1.").arg(*problem);
    }
    if (needsTypedName() && m_confirm->text() != m_plan.nodeName)
        return tr("This drain is risky: type the node's name, %1, to confirm.")
            .arg(m_plan.nodeName);
    return {};
}

void DrainDialog::update()
{
    const bool typed = needsTypedName();
    m_confirmLabel->setVisible(typed);
    m_confirm->setVisible(typed);
    const QString why = hint();
    m_hint->setText(why);
    m_hint->setVisible(!why.isEmpty());
    m_accept->setEnabled(why.isEmpty());
}

QStringList DrainDialog::availabilityLines() const
{
    return m_availabilityLines;
}

QStringList DrainDialog::riskLines() const
{
    return m_riskLines;
}

DrainMode DrainDialog::mode() const
{
    return m_immediate && m_immediate->isChecked() ? DrainMode::Immediate : DrainMode::Graceful;
}

OperatorRequest DrainDialog::request() const
{
    OperatorRequest request;
    request.service = m_plan.target.service;
    request.reason = m_reason->text().trimmed();
    request.ticket = m_ticket->text().trimmed();
    return request;
}

DrainRequest DrainDialog::drainRequest() const
{
    DrainRequest drain;
    static_cast<OperatorRequest &>(drain) = request();
    drain.mode = mode();
    drain.force = m_force && m_force->isChecked();
    return drain;
}

UndrainRequest DrainDialog::undrainRequest() const
{
    UndrainRequest undrain;
    static_cast<OperatorRequest &>(undrain) = request();
    return undrain;
}

} // namespace anycast
