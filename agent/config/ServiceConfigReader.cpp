#include "agent/config/ServiceConfigReader.h"

#include "agent/bgp/BgpCommunity.h"
#include "common/ConnectionActivity.h"
#include "common/Prefix.h"

#include <QSet>

namespace anycast {
namespace {

using std::chrono::milliseconds;

const QStringList kServiceKeys = {QStringLiteral("name"),
                                  QStringLiteral("ports"),
                                  QStringLiteral("prefixes"),
                                  QStringLiteral("rise"),
                                  QStringLiteral("fall"),
                                  QStringLiteral("probe"),
                                  QStringLiteral("probe_interval"),
                                  QStringLiteral("probe_timeout"),
                                  QStringLiteral("probe_retry_delay"),
                                  QStringLiteral("probe_expect_status"),
                                  QStringLiteral("listener_loss_immediate"),
                                  QStringLiteral("thresholds"),
                                  QStringLiteral("route")};
const QStringList kThresholdKeys = {QStringLiteral("accept_queue_ratio"),
                                    QStringLiteral("accept_queue_depth"),
                                    QStringLiteral("syn_recv"),
                                    QStringLiteral("syn_recv_growth_per_s"),
                                    QStringLiteral("listen_drops_per_s"),
                                    QStringLiteral("retransmit_ratio"),
                                    QStringLiteral("retransmit_min_in_flight"),
                                    QStringLiteral("close_wait"),
                                    QStringLiteral("close_wait_growth_per_s"),
                                    QStringLiteral("accept_stall"),
                                    QStringLiteral("accept_stall_withdraw"),
                                    QStringLiteral("unread_age"),
                                    QStringLiteral("unread_connections"),
                                    QStringLiteral("unanswered_age"),
                                    QStringLiteral("unanswered_age_min"),
                                    QStringLiteral("unanswered_connections")};
const QStringList kRouteKeys = {QStringLiteral("med"),
                                QStringLiteral("communities"),
                                QStringLiteral("degraded_prepend"),
                                QStringLiteral("degraded_med"),
                                QStringLiteral("withdraw_on_down"),
                                QStringLiteral("down_med"),
                                QStringLiteral("drain_prepend"),
                                QStringLiteral("drain_floor"),
                                QStringLiteral("drain_grace")};

constexpr qint64 kMaxMed = 4294967295LL;
constexpr double kHuge = 1e12;

void readThresholds(ConfigReader &reader, const toml::table &table, HealthThresholds &limits)
{
    reader.rejectUnknownKeys(table, kThresholdKeys);
    limits.acceptQueueRatio =
        reader.number(table, "accept_queue_ratio", 0.01, 1.0).value_or(limits.acceptQueueRatio);
    limits.acceptQueueDepth = static_cast<quint64>(
        reader.integer(table, "accept_queue_depth", 0, 1 << 30).value_or(limits.acceptQueueDepth));
    limits.synRecv = static_cast<quint64>(
        reader.integer(table, "syn_recv", 1, 1 << 30).value_or(limits.synRecv));
    limits.synRecvGrowthPerSecond = reader.number(table, "syn_recv_growth_per_s", 0.1, kHuge)
                                        .value_or(limits.synRecvGrowthPerSecond);
    limits.listenDropsPerSecond = reader.number(table, "listen_drops_per_s", 0.01, kHuge)
                                      .value_or(limits.listenDropsPerSecond);
    limits.retransmitRatio =
        reader.number(table, "retransmit_ratio", 0.0001, 1.0).value_or(limits.retransmitRatio);
    limits.retransmitMinInFlight =
        static_cast<quint64>(reader.integer(table, "retransmit_min_in_flight", 1, 1LL << 40)
                                 .value_or(limits.retransmitMinInFlight));
    limits.closeWait = static_cast<quint64>(
        reader.integer(table, "close_wait", 1, 1 << 30).value_or(limits.closeWait));
    limits.closeWaitGrowthPerSecond = reader.number(table, "close_wait_growth_per_s", 0.1, kHuge)
                                          .value_or(limits.closeWaitGrowthPerSecond);
    const milliseconds hour(3600 * 1000);
    limits.acceptStall =
        reader.duration(table, "accept_stall", milliseconds(0), hour).value_or(limits.acceptStall);
    limits.acceptStallWithdraw =
        reader.duration(table, "accept_stall_withdraw", milliseconds(0), hour)
            .value_or(limits.acceptStallWithdraw);
    limits.unreadAge =
        reader.duration(table, "unread_age", milliseconds(0), hour).value_or(limits.unreadAge);
    // The sampler keeps the ages of the longest-waiting connections only.
    limits.unreadConnections = static_cast<quint64>(
        reader.integer(table, "unread_connections", 0, ConnectionActivity::kMaxAgesKept)
            .value_or(limits.unreadConnections));
    limits.unansweredAge = reader.duration(table, "unanswered_age", milliseconds(0), hour)
                               .value_or(limits.unansweredAge);
    limits.unansweredAgeMin = reader.duration(table, "unanswered_age_min", milliseconds(0), hour)
                                  .value_or(limits.unansweredAgeMin);
    limits.unansweredConnections = static_cast<quint64>(
        reader.integer(table, "unanswered_connections", 0, ConnectionActivity::kMaxAgesKept)
            .value_or(limits.unansweredConnections));
    // A floor set above the ceiling would be ignored: say so. A lone unanswered_age below
    // the default floor is fine, it is the fixed bound (the learner never exceeds its ceiling).
    if (const auto floor = table.get("unanswered_age_min");
        floor && limits.unansweredAgeMin > limits.unansweredAge) {
        reader.fail(*floor, QStringLiteral("unanswered_age_min must not be longer than "
                                           "unanswered_age (%1 ms)")
                                .arg(limits.unansweredAge.count()));
    }
    const auto stall = table.get("accept_stall");
    const auto withdraw = table.get("accept_stall_withdraw");
    if (withdraw && limits.acceptStall.count() > 0 && limits.acceptStallWithdraw.count() > 0 &&
        limits.acceptStallWithdraw < limits.acceptStall) {
        reader.fail(*withdraw, QStringLiteral("accept_stall_withdraw must not be shorter than "
                                              "accept_stall (%1 ms)")
                                   .arg(limits.acceptStall.count()));
    } else if (stall && !withdraw && limits.acceptStall > limits.acceptStallWithdraw &&
               limits.acceptStallWithdraw.count() > 0) {
        reader.fail(*stall, QStringLiteral("accept_stall is longer than accept_stall_withdraw "
                                           "(%1 ms): set both")
                                .arg(limits.acceptStallWithdraw.count()));
    }
}

void readRoute(ConfigReader &reader, const toml::table &table, RouteConfig &route)
{
    reader.rejectUnknownKeys(table, kRouteKeys);
    route.med = static_cast<quint32>(reader.integer(table, "med", 0, kMaxMed).value_or(route.med));
    route.degradedMed = route.med;
    route.communities = reader.stringList(table, "communities", [](const QString &text) {
        const auto community = BgpCommunity::parse(text);
        return community ? QString()
                         : QStringLiteral("communities: %1 %2")
                               .arg(quotedForMessage(text), community.error());
    });
    route.degradedPrepend = static_cast<int>(
        reader.integer(table, "degraded_prepend", 0, 10).value_or(route.degradedPrepend));
    route.degradedMed = static_cast<quint32>(
        reader.integer(table, "degraded_med", 0, kMaxMed).value_or(route.degradedMed));
    route.withdrawOnDown = reader.boolean(table, "withdraw_on_down").value_or(route.withdrawOnDown);
    route.downMed =
        static_cast<quint32>(reader.integer(table, "down_med", 0, kMaxMed).value_or(route.downMed));
    route.drainPrepend = static_cast<int>(
        reader.integer(table, "drain_prepend", 0, 10).value_or(route.drainPrepend));
    route.drainFloor = static_cast<quint64>(
        reader.integer(table, "drain_floor", 0, 1 << 30).value_or(route.drainFloor));
    if (const auto grace = reader.duration(table, "drain_grace", milliseconds(1000),
                                           milliseconds(24LL * 3600 * 1000)))
        route.drainGrace = std::chrono::duration_cast<std::chrono::seconds>(*grace);
}

void readProbe(ConfigReader &reader, const toml::table &table, ServiceConfig &service)
{
    const auto interval =
        reader.duration(table, "probe_interval", milliseconds(100), milliseconds(3600 * 1000));
    service.probeRetryDelay =
        reader.duration(table, "probe_retry_delay", milliseconds(0), milliseconds(60 * 1000))
            .value_or(service.probeRetryDelay);
    const auto timeout =
        reader.duration(table, "probe_timeout", milliseconds(10), milliseconds(600 * 1000));
    const auto expect = reader.integer(table, "probe_expect_status", 100, 599);
    const auto text = reader.string(table, "probe");
    if (!text || text->isEmpty()) {
        service.probeInterval = interval.value_or(service.probeInterval);
        return;
    }
    const auto spec = ProbeSpec::parse(*text);
    if (!spec) {
        reader.fail(*table.get("probe"), spec.error());
        return;
    }
    service.probe = spec.value();
    // An HTTP probe runs ten times a second, so that a wrong answer shows within a tenth of a
    // second: nothing but an HTTP probe sees one (docs/CONFIG.md, "Why ten HTTP probes a
    // second"). A socket probe sees nothing the sockets do not, and an exec probe forks a
    // process: once a second. The timeout is not tied to the interval: runs never overlap.
    const milliseconds defaultInterval(spec->kind == ProbeSpec::Kind::Http ? 100 : 1000);
    service.probeInterval = interval.value_or(defaultInterval);
    service.probe->timeout = timeout.value_or(milliseconds(1000));
    if (expect)
        service.probe->expectStatus = static_cast<int>(*expect);
}

QStringList readPrefixes(ConfigReader &reader, const toml::table &table, const QString &service,
                         PrefixOwners &owners)
{
    QSet<QString> own;
    return reader.stringList(table, "prefixes", [&](const QString &text) {
        const auto prefix = Prefix::parseAnnounceable(text);
        if (!prefix)
            return QStringLiteral("prefixes: %1 %2").arg(quotedForMessage(text), prefix.error());
        if (own.contains(text))
            return QStringLiteral("prefixes: %1 is listed twice").arg(text);
        if (const auto owner = owners.constFind(text); owner != owners.cend()) {
            return QStringLiteral("prefixes: %1 is also a prefix of service %2; a prefix "
                                  "belongs to one service (service %3 here)")
                .arg(text, quotedForMessage(*owner), quotedForMessage(service));
        }
        own.insert(text);
        owners.insert(text, service);
        return QString();
    });
}

} // namespace

ServiceConfig readServiceConfig(ConfigReader &reader, const toml::table &table,
                                PrefixOwners &owners)
{
    ServiceConfig service;
    reader.rejectUnknownKeys(table, kServiceKeys);
    if (const auto name = reader.displayName(table, "name"))
        service.name = *name;
    else if (!table.contains("name"))
        reader.fail(table, QStringLiteral("[[service]] name is required"));
    if (const auto ports = reader.portList(table, "ports"); ports && !ports->isEmpty())
        service.ports = *ports;
    else if (!ports)
        reader.fail(table, QStringLiteral("[[service]] %1: ports is required")
                               .arg(quotedForMessage(service.name)));
    service.prefixes = readPrefixes(reader, table, service.name, owners);
    service.rise = static_cast<int>(reader.integer(table, "rise", 1, 100).value_or(service.rise));
    service.fall = static_cast<int>(reader.integer(table, "fall", 1, 100).value_or(service.fall));
    service.listenerLossImmediate =
        reader.boolean(table, "listener_loss_immediate").value_or(service.listenerLossImmediate);
    readProbe(reader, table, service);
    if (const toml::table *thresholds = reader.table(table, "thresholds"))
        readThresholds(reader, *thresholds, service.thresholds);
    if (const toml::table *route = reader.table(table, "route"))
        readRoute(reader, *route, service.route);
    return service;
}

} // namespace anycast
