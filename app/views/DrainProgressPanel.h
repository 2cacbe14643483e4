#pragma once

#include "app/models/DrainProgress.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace anycast {

// The drains and undrains this console sent, newest first, each as its phases with the
// agent's reasons under them, and how it ended: done, held, refused or failed, in words.
class DrainProgressPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit DrainProgressPanel(QWidget *parent = nullptr);

    void setDrains(const QList<DrainProgress> &drains);
    // What the panel prints, one entry per drain, for tests and the accessible name.
    const QStringList &texts() const { return m_texts; }

    static QString outcomeText(const DrainProgress &drain);
    static QString stepText(const DrainStepView &step);

private:
    QVBoxLayout *m_list;
    QLabel *m_empty;
    QStringList m_texts;
    QList<QLabel *> m_labels;
};

} // namespace anycast
