#pragma once

#include "app/models/FleetState.h"
#include "app/models/ModelRoles.h"
#include "app/models/NodeFacts.h"
#include "tests/models/FleetBuilders.h"

#include <QAbstractItemModel>
#include <QList>
#include <QStringList>

#include <gtest/gtest.h>

#include <memory>

class QAbstractItemModelTester;

namespace anycast::modeltest {

// A fleet on a clock the test moves by hand.
struct TestFleet
{
    TestFleet();

    FleetState::Clock::time_point now;
    FleetState state;

    // Adds the endpoint (if new) and feeds it as a connected agent: hello, status, sample.
    void connect(const QString &endpoint, const NodeSpec &spec);
    void report(const QString &endpoint, const NodeSpec &spec); // status and a sample
    void sample(const QString &endpoint, const NodeSpec &spec);
    void advance(std::chrono::milliseconds by) { now += by; }
};

// Every structural or data signal a model emitted, in order, as text that a failing test
// prints.
class ModelSignals : public QObject
{
public:
    explicit ModelSignals(QAbstractItemModel *model);

    struct Change
    {
        QStringList path; // keys from the top
        int firstColumn;
        int lastColumn;
    };

    QList<Change> dataChanges;
    int inserts = 0;
    int removals = 0;
    int resets = 0;
    int layoutChanges = 0;
    void clear();

private:
    QAbstractItemModel *m_model;
};

QStringList pathOf(const QModelIndex &index);

// Node `name` ("ep-" + name) in region fra with service web's one prefix 192.0.2.1/32: its
// presence as given while reachable, unknown when not, and marked as the operator's doing when
// `byOperator` or while the node is drained.
NodeFacts fraWebNode(const char *name, PrefixPresence presence, bool reachable, OperatorState state,
                     bool byOperator = false);

// QAbstractItemModelTester in warning mode, with its complaints collected: a test ends with
// EXPECT_TRUE(tester.complaints().isEmpty()).
class CheckedModel
{
public:
    explicit CheckedModel(QAbstractItemModel *model);
    ~CheckedModel();
    static QStringList complaints();

private:
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

// A model of the fleet under the tester, on a TestFleet, with its signals recorded. Rows are
// addressed by key paths ({region, endpoint, service}), columns by the model's enum.
template <typename Model, typename Column> class ModelFixture : public ::testing::Test
{
protected:
    QVariant data(const QStringList &path, Column column, int role = Qt::DisplayRole) const
    {
        return model.indexOf(path, static_cast<int>(column)).data(role);
    }
    QStringList keysUnder(const QStringList &path) const
    {
        const QModelIndex parent = path.isEmpty() ? QModelIndex() : model.indexOf(path);
        QStringList keys;
        for (int row = 0; row < model.rowCount(parent); ++row)
            keys.append(model.index(row, 0, parent).data(ModelRole::KeyRole).toString());
        return keys;
    }
    int rows(const QStringList &path) const { return static_cast<int>(keysUnder(path).size()); }

    TestFleet fleet;
    Model model{&fleet.state};
    CheckedModel checked{&model};
    ModelSignals signalSpy{&model};
};

} // namespace anycast::modeltest
