#include "agent/runtime/SampleHistory.h"

#include <QJsonArray>

#include <gtest/gtest.h>

// The agent's bounded sample history behind the API's `history`: the span it keeps, shorter
// spans read from it, and a point as JSON.
namespace anycast {
namespace {

using namespace std::chrono_literals;

QDateTime at(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(1'700'000'000 + seconds, Qt::UTC);
}

SamplePoint point(qint64 seconds, quint32 established)
{
    ServiceSocketStats stats;
    stats.name = QStringLiteral("web");
    stats.states[TcpState::Established] = established;
    return {at(seconds),
            {{stats, HealthLabel{false, ServiceHealth::Healthy}, OperatorState::Active, {}}}};
}

TEST(SampleHistory, KeepsItsSpanAndAnswersShorterOnes)
{
    SampleHistory history(10s);
    for (int i = 0; i <= 30; ++i)
        history.append(point(i, static_cast<quint32>(i)));
    EXPECT_EQ(history.size(), 11) << "seconds 20..30";
    const QList<SamplePoint> last3 = history.last(2s);
    ASSERT_EQ(last3.size(), 3);
    EXPECT_EQ(last3.first().time, at(28));
    const QJsonObject json = last3.last().toJson();
    const QJsonObject service = json.value(QStringLiteral("services")).toArray().at(0).toObject();
    EXPECT_EQ(service.value(QStringLiteral("health")).toString(), QStringLiteral("healthy"));
    EXPECT_EQ(service.value(QStringLiteral("operator_state")).toString(), QStringLiteral("active"));
    EXPECT_EQ(service.value(QStringLiteral("states")).toObject().value("ESTABLISHED").toInt(), 30);
}

} // namespace
} // namespace anycast
