#include "app/views/DrainProgressPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace anycast {

DrainProgressPanel::DrainProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QVBoxLayout)
    , m_empty(new QLabel(tr("No drain sent from this console yet."), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addLayout(m_list);
    layout->addStretch(1);
}

QString DrainProgressPanel::outcomeText(const DrainProgress &drain)
{
    switch (drain.outcome()) {
    case DrainOutcome::InProgress:
        return tr("in progress");
    case DrainOutcome::Completed:
        return drain.action() == DrainAction::Drain ? tr("done: withdrawn")
                                                    : tr("done: announced again");
    case DrainOutcome::Held:
        return tr("HELD: in force, but still announced");
    case DrainOutcome::Refused:
        return tr("REFUSED: nothing changed");
    case DrainOutcome::Failed:
        return tr("FAILED");
    }
    return {};
}

QString DrainProgressPanel::stepText(const DrainStepView &step)
{
    const QString name = DrainProgress::stepName(step.step);
    // A mark and a word: the state is never told by the mark alone.
    QString line;
    switch (step.state) {
    case StepState::Pending:
        line = tr("○ %1 (pending)").arg(name);
        break;
    case StepState::Active:
        line = tr("▶ %1 (now)").arg(name);
        break;
    case StepState::Done:
        line = tr("✔ %1 (done)").arg(name);
        break;
    case StepState::Skipped:
        line = tr("– %1 (skipped)").arg(name);
        break;
    }
    if (!step.detail.isEmpty())
        line += QLatin1Char('\n') + QStringLiteral("    ") +
                QString(step.detail).replace(QLatin1Char('\n'), QStringLiteral("\n    "));
    return line;
}

void DrainProgressPanel::setDrains(const QList<DrainProgress> &drains)
{
    m_texts.clear();
    for (auto it = drains.crbegin(); it != drains.crend(); ++it) {
        QStringList lines{tr("%1: %2").arg(it->title(), outcomeText(*it))};
        if (it->outcome() != DrainOutcome::InProgress && it->outcome() != DrainOutcome::Completed &&
            !it->message().isEmpty())
            lines.append(it->message());
        for (const DrainStepView &step : it->steps())
            lines.append(stepText(step));
        m_texts.append(lines.join(QLatin1Char('\n')));
    }
    while (m_labels.size() > m_texts.size())
        delete m_labels.takeLast();
    while (m_labels.size() < m_texts.size()) {
        auto *label = new QLabel(this);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setTextFormat(Qt::PlainText);
        label->setFrameShape(QFrame::StyledPanel);
        m_list->addWidget(label);
        m_labels.append(label);
    }
    for (qsizetype i = 0; i < m_texts.size(); ++i)
        m_labels[i]->setText(m_texts[i]);
    m_empty->setVisible(m_texts.isEmpty());
}

} // namespace anycast
