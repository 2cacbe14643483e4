#include "app/views/AuditPage.h"

#include "app/models/AuditModel.h"
#include "app/models/ModelRoles.h"
#include "app/style/WarningGlyph.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace anycast {
namespace {

constexpr int kClockMs = 30000;

// A stale drain's state cell gets the warning triangle and bold text: the word says it, the
// shape draws the eye to it, neither depends on colour.
class StaleDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.data(AuditRole::StaleRole).toBool())
            return;
        if (index.column() == static_cast<int>(AuditColumn::State)) {
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->icon = m_icon;
            option->font.setBold(true);
        }
    }

private:
    QIcon m_icon = WarningGlyph::icon();
};

} // namespace

AuditPage::AuditPage(const EventLog *log, const FleetState *fleet, QWidget *parent)
    : AuditPage(new AuditModel(log, fleet), parent)
{}

AuditPage::AuditPage(AuditModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_staleHours(new QSpinBox(this))
    , m_export(new QPushButton(this))
{
    m_model->setParent(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ModelRole::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new StaleDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(static_cast<int>(AuditColumn::Time), Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int widths[kAuditColumnCount] = {140, 80, 90, 70, 90, 210, 60, 200, 90, 90, 300};
    for (int column = 0; column < kAuditColumnCount; ++column)
        m_table->horizontalHeader()->resizeSection(column, widths[column]);

    //: Audit view: the threshold after which a drain in force is flagged stale.
    auto *staleLabel = new QLabel(tr("Stale after:"), this);
    staleLabel->setBuddy(m_staleHours);
    m_staleHours->setRange(1, 24 * 90);
    //: Unit of the stale threshold (hours).
    m_staleHours->setSuffix(tr(" h"));
    m_staleHours->setValue(static_cast<int>(
        std::chrono::duration_cast<std::chrono::hours>(m_model->staleAfter()).count()));
    m_export->setText(tr("&Export CSV…"));
    connect(m_staleHours, &QSpinBox::valueChanged, this,
            [this](int hours) { m_model->setStaleAfter(std::chrono::hours(hours)); });
    connect(m_export, &QPushButton::clicked, this, &AuditPage::exportWithDialog);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(staleLabel);
    top->addWidget(m_staleHours);
    top->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_model, &AuditModel::refreshed, this, &AuditPage::countRows);
    m_clock.setInterval(kClockMs);
    connect(&m_clock, &QTimer::timeout, m_model, &AuditModel::refresh);
    m_clock.start();
    countRows();
}

void AuditPage::setStaleAfterHours(int hours)
{
    m_staleHours->setValue(hours);
}

void AuditPage::countRows()
{
    const int inForce = m_model->inForceCount();
    const int stale = m_model->staleCount();
    const int hours = m_staleHours->value();
    QString text = m_model->rowCount() == 0 ? tr("No drains or undrains seen yet.")
                                            //: Audit view summary: drains in force now.
                                            : tr("%n drain(s) in force", nullptr, inForce);
    if (stale > 0)
        //: Audit view summary; %1 is the line before, %2 the threshold in hours.
        text =
            tr("%1; %n stale (in force for more than %2 h)", nullptr, stale).arg(text).arg(hours);
    m_summary->setText(text);
}

bool AuditPage::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_model->csv()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void AuditPage::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit rows"),
                                                      QStringLiteral("anycast-audit.csv"),
                                                      //: File type filter of the CSV export dialog.
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export"), tr("Cannot write %1: %2").arg(path, error));
}

} // namespace anycast
