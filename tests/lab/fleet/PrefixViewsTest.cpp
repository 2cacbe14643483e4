#include "tests/lab/fleet/PrefixViews.h"

#include <QJsonArray>

#include <gtest/gtest.h>

// The comparison the lab test relies on, on hand-made RIB paths and statuses: it must see
// every kind of difference, or the lab test could pass on a lab that disagrees.
namespace anycast::labtest {
namespace {

const QString Prefix = QStringLiteral("203.0.113.1/32");
const QMap<QString, QString> Nodes{{QStringLiteral("127.0.0.11"), QStringLiteral("fra-1")},
                                   {QStringLiteral("127.0.0.12"), QStringLiteral("ams-1")}};

lab::RibRoute path(const QString &neighbor, quint32 med, QStringList communities,
                   QList<quint32> asPath)
{
    lab::RibRoute route;
    route.prefix = Prefix;
    route.neighbor = neighbor;
    route.med = med;
    route.communities = std::move(communities);
    route.asPath = std::move(asPath);
    return route;
}

QJsonObject status(const QString &state, int prepends, const QStringList &communities)
{
    QJsonObject route{{QStringLiteral("prefix"), Prefix}, {QStringLiteral("state"), state}};
    if (state != QStringLiteral("withdrawn")) {
        route.insert(QStringLiteral("med"), 100);
        route.insert(QStringLiteral("communities"), QJsonArray::fromStringList(communities));
        route.insert(QStringLiteral("as_path_prepend"), prepends);
    }
    return {{QStringLiteral("services"),
             QJsonArray{QJsonObject{{QStringLiteral("routes"), QJsonArray{route}}}}}};
}

TEST(PrefixViews, MatchingRibAndStatusHaveNoDifferences)
{
    QStringList strangers;
    const PrefixView rib = ribView({path(QStringLiteral("127.0.0.12"), 100,
                                         {QStringLiteral("65535:0"), QStringLiteral("65001:100")},
                                         {65001, 65001, 65001, 65001})},
                                   Nodes, &strangers);
    const PrefixView agents =
        agentView({{QStringLiteral("fra-1"), status(QStringLiteral("withdrawn"), 0, {})},
                   {QStringLiteral("ams-1"),
                    status(QStringLiteral("draining"), 3,
                           {QStringLiteral("65001:100"), QStringLiteral("65535:0")})}},
                  65001);
    EXPECT_EQ(differences(rib, QStringLiteral("rib"), agents, QStringLiteral("agents")),
              QStringList());
    EXPECT_TRUE(strangers.isEmpty());
    EXPECT_EQ(announcersByPrefix(agents).value(Prefix), QStringList{QStringLiteral("ams-1")});
}

TEST(PrefixViews, EveryKindOfDifferenceIsReported)
{
    const auto agents =
        agentView({{QStringLiteral("fra-1"),
                    status(QStringLiteral("announced"), 0, {QStringLiteral("65001:100")})}},
                  65001);
    const lab::RibRoute good =
        path(QStringLiteral("127.0.0.11"), 100, {QStringLiteral("65001:100")}, {65001});
    QList<lab::RibRoute> wrong(4, good);
    wrong[0].med = 50;
    wrong[1].communities = {QStringLiteral("65001:100"), QStringLiteral("65535:0")};
    wrong[2].asPath = {65001, 65001};
    wrong[3].neighbor = QStringLiteral("127.0.0.12"); // ams-1 announces, fra-1 does not
    for (const lab::RibRoute &route : wrong) {
        const PrefixView rib = ribView({route}, Nodes, nullptr);
        EXPECT_FALSE(
            differences(rib, QStringLiteral("rib"), agents, QStringLiteral("agents")).isEmpty())
            << route.neighbor.toStdString();
    }
    EXPECT_EQ(differences({}, QStringLiteral("rib"), agents, QStringLiteral("agents")).size(), 1);
}

TEST(PrefixViews, PathsFromUnknownNeighborsAreStrangers)
{
    QStringList strangers;
    const PrefixView rib =
        ribView({path(QStringLiteral("127.0.0.99"), 100, {}, {65001})}, Nodes, &strangers);
    EXPECT_TRUE(rib.isEmpty());
    EXPECT_EQ(strangers, QStringList{Prefix + QStringLiteral(" from 127.0.0.99")});
}

TEST(PrefixViews, ConsoleDumpIsComparedByStateAndPresence)
{
    const QJsonObject dump{
        {QStringLiteral("prefixes"),
         QJsonObject{
             {Prefix, QJsonObject{{QStringLiteral("fra-1"), QStringLiteral("draining")},
                                  {QStringLiteral("ams-1"), QStringLiteral("withdrawn")}}}}}};
    const PrefixView console = consoleView(dump);
    ASSERT_EQ(console.size(), 1);
    EXPECT_EQ(console.value(qMakePair(Prefix, QStringLiteral("fra-1"))).state,
              QStringLiteral("draining"));

    const PrefixView agents =
        agentView({{QStringLiteral("fra-1"), status(QStringLiteral("draining"), 3, {})},
                   {QStringLiteral("ams-1"), status(QStringLiteral("withdrawn"), 0, {})}},
                  65001);
    EXPECT_EQ(
        stateDifferences(console, QStringLiteral("console"), agents, QStringLiteral("agents")),
        QStringList());
    const PrefixView announced =
        agentView({{QStringLiteral("fra-1"), status(QStringLiteral("announced"), 0, {})},
                   {QStringLiteral("ams-1"), status(QStringLiteral("announced"), 0, {})}},
                  65001);
    EXPECT_EQ(
        stateDifferences(console, QStringLiteral("console"), announced, QStringLiteral("agents")),
        (QStringList{
            Prefix + QStringLiteral(" at ams-1: console has nothing, agents has announced"),
            Prefix + QStringLiteral(" at fra-1: console has draining, agents has announced")}));
}

} // namespace
} // namespace anycast::labtest
