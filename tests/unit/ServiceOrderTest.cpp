// The running agent feeds a monitor only from a report that names the configured services in
// their order; anything else is a problem to report, never one service judged on another's
// sockets.
#include "agent/runtime/ServiceOrder.h"

#include "common/ServiceSocketStats.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

QList<ServiceListeners> reported(const QStringList &names)
{
    QList<ServiceListeners> services;
    for (const QString &name : names)
        services.append({name, {}, {}});
    return services;
}

const auto nameOf = [](const ServiceListeners &service) { return service.name; };

TEST(ServiceOrder, TheSameNamesInTheSameOrderMatch)
{
    const QStringList configured{QStringLiteral("web"), QStringLiteral("dns")};
    EXPECT_EQ(serviceOrderProblem(configured, reported(configured), nameOf), QString());
    EXPECT_EQ(serviceOrderProblem(QStringList{}, reported({}), nameOf), QString());
}

TEST(ServiceOrder, AnotherOrderAMissingOrAnExtraServiceIsAProblemThatNamesBoth)
{
    const QStringList configured{QStringLiteral("web"), QStringLiteral("dns")};
    for (const QStringList &names :
         {QStringList{QStringLiteral("dns"), QStringLiteral("web")},
          QStringList{QStringLiteral("web")},
          QStringList{QStringLiteral("web"), QStringLiteral("dns"), QStringLiteral("ntp")}}) {
        const QString problem = serviceOrderProblem(configured, reported(names), nameOf);
        EXPECT_EQ(problem, QStringLiteral("services reported as [%1], configured as [web, dns]")
                               .arg(names.join(QStringLiteral(", "))));
    }
}

} // namespace
} // namespace anycast
