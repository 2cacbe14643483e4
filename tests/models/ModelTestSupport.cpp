#include "tests/models/ModelTestSupport.h"

#include "app/models/ModelRoles.h"

#include <QAbstractItemModelTester>
#include <QMutex>

#include <gtest/gtest.h>

namespace anycast::modeltest {
namespace {

const QDateTime kSampleTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);

QMutex complaintsMutex;
QStringList collected;
QtMessageHandler previousHandler = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category).startsWith("qt.modeltest")) {
        QMutexLocker lock(&complaintsMutex);
        collected.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

TestFleet::TestFleet()
    : now(FleetState::Clock::time_point(std::chrono::hours(1000)))
    , state([this] { return now; })
{}

void TestFleet::connect(const QString &endpoint, const NodeSpec &spec)
{
    state.addNode(endpoint);
    state.setLink(endpoint, LinkStatus{LinkPhase::Connected, {}, {}});
    state.setHello(endpoint, helloOf(spec));
    report(endpoint, spec);
}

void TestFleet::report(const QString &endpoint, const NodeSpec &spec)
{
    state.setStatus(endpoint, statusOf(spec));
    sample(endpoint, spec);
}

void TestFleet::sample(const QString &endpoint, const NodeSpec &spec)
{
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        now - FleetState::Clock::time_point(std::chrono::hours(1000)));
    state.addSamples(endpoint, {sampleOf(spec, kSampleTime.addMSecs(elapsed.count()))});
}

QStringList pathOf(const QModelIndex &index)
{
    QStringList path;
    for (QModelIndex at = index; at.isValid(); at = at.parent())
        path.prepend(at.data(ModelRole::KeyRole).toString());
    return path;
}

ModelSignals::ModelSignals(QAbstractItemModel *model)
    : m_model(model)
{
    QObject::connect(
        model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            // One row per signal: the tree never spans rows in one signal.
            EXPECT_EQ(topLeft.row(), bottomRight.row());
            dataChanges.append({pathOf(topLeft), topLeft.column(), bottomRight.column()});
        });
    QObject::connect(model, &QAbstractItemModel::rowsInserted, this, [this] { ++inserts; });
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { ++removals; });
    QObject::connect(model, &QAbstractItemModel::modelReset, this, [this] { ++resets; });
    QObject::connect(model, &QAbstractItemModel::layoutChanged, this, [this] { ++layoutChanges; });
}

void ModelSignals::clear()
{
    dataChanges.clear();
    inserts = removals = resets = layoutChanges = 0;
}

CheckedModel::CheckedModel(QAbstractItemModel *model)
{
    {
        QMutexLocker lock(&complaintsMutex);
        collected.clear();
    }
    previousHandler = qInstallMessageHandler(collect);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::Warning);
}

CheckedModel::~CheckedModel()
{
    m_tester.reset();
    qInstallMessageHandler(previousHandler);
    previousHandler = nullptr;
}

QStringList CheckedModel::complaints()
{
    QMutexLocker lock(&complaintsMutex);
    return collected;
}

NodeFacts fraWebNode(const char *name, PrefixPresence presence, bool reachable, OperatorState state,
                     bool byOperator)
{
    NodeFacts facts;
    facts.endpoint = QStringLiteral("ep-") + QLatin1String(name);
    facts.name = QLatin1String(name);
    facts.region = QStringLiteral("fra");
    facts.reachable = reachable;
    facts.operatorState = state;
    facts.prefixes = {NodePrefixFact{QStringLiteral("192.0.2.1/32"),
                                     QStringLiteral("web"),
                                     reachable ? presence : PrefixPresence::Unknown,
                                     byOperator || state != OperatorState::Active,
                                     {}}};
    return facts;
}

} // namespace anycast::modeltest
