#include "agent/metrics/MetricsRenderer.h"

#include "tests/metrics/MetricsTestSnapshot.h"
#include "tests/metrics/PrometheusTextParser.h"

#include <QSet>

#include <gtest/gtest.h>

namespace anycast {
namespace {

using Labels = QMap<QString, QString>;

ParsedMetrics parsed(const QByteArray &text)
{
    ParseOutcome outcome = parsePrometheusText(text);
    EXPECT_TRUE(outcome.ok) << outcome.error.toStdString() << "\n" << text.toStdString();
    return outcome.metrics;
}

// What the reference parser does not insist on but a scraper needs: every family documented
// and typed, every name ours, counters named _total, no series twice.
void expectWellFormed(const ParsedMetrics &metrics)
{
    for (const ParsedFamily &family : metrics.families) {
        EXPECT_TRUE(family.name.startsWith(QLatin1String("anycast_"))) << family.name.toStdString();
        EXPECT_FALSE(family.help.isEmpty()) << family.name.toStdString();
        EXPECT_TRUE(family.type == QLatin1String("gauge") ||
                    family.type == QLatin1String("counter"))
            << family.name.toStdString() << " is " << family.type.toStdString();
    }
    QSet<QString> series;
    for (const ParsedSample &sample : metrics.samples) {
        QString key = sample.name;
        for (auto it = sample.labels.constBegin(); it != sample.labels.constEnd(); ++it)
            key += QLatin1Char('\x1f') + it.key() + QLatin1Char('=') + it.value();
        EXPECT_FALSE(series.contains(key)) << "twice: " << key.toStdString();
        series.insert(key);
    }
}

qsizetype sampleLines(const QByteArray &text)
{
    qsizetype count = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.isEmpty() && !line.startsWith('#'))
            ++count;
    }
    return count;
}

// For each `group` label value, the state series of `name` hold one 1 and otherwise 0.
void expectOneStatePer(const ParsedMetrics &metrics, const QString &name, const QString &group)
{
    QMap<QString, double> sums;
    for (const ParsedSample &sample : metrics.samplesNamed(name)) {
        EXPECT_TRUE(sample.value == 0 || sample.value == 1) << name.toStdString();
        sums[sample.labels.value(group)] += sample.value;
    }
    EXPECT_FALSE(sums.isEmpty()) << name.toStdString();
    for (auto it = sums.constBegin(); it != sums.constEnd(); ++it)
        EXPECT_EQ(it.value(), 1) << name.toStdString() << " " << it.key().toStdString();
}

TEST(MetricsRendererTest, ContentTypeIsTheTextFormat)
{
    EXPECT_EQ(kMetricsContentType, "text/plain; version=0.0.4; charset=utf-8");
}

TEST(MetricsRendererTest, WritesTheExpectedLines)
{
    const QString text = QString::fromUtf8(renderMetrics(realisticSnapshot()));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const char *expected : {
             R"(anycast_agent_info{node="fra-1",region="eu-central",version="0.1.0"} 1)",
             R"(anycast_service_health{service="https",state="healthy"} 1)",
             R"(anycast_service_health{service="https",state="down"} 0)",
             R"(anycast_service_health{service="dns",state="degraded"} 1)",
             R"(anycast_service_operator_state{service="dns",state="draining"} 1)",
             R"(anycast_service_starting{service="https"} 0)",
             R"(anycast_service_health_age_seconds{service="https"} 3600.5)",
             R"(anycast_service_sockets{service="https",state="ESTABLISHED"} 1234)",
             R"(anycast_service_sockets{service="dns",state="SYN_RECV"} 250)",
             R"(anycast_service_sockets{service="dns",state="FIN_WAIT1"} 0)",
             R"(anycast_listener_accept_queue{address="0.0.0.0",port="443",service="https"} 3)",
             R"(anycast_listener_accept_queue{address="2001:db8::53",port="53",service="dns"} 17)",
             R"(anycast_listener_backlog{address="::",port="443",service="https"} 4096)",
             R"(anycast_service_retransmitting_sockets{service="https"} 4)",
             R"(anycast_service_rtt_max_seconds{service="https"} 0.25)",
             R"(anycast_service_probe_success{service="dns"} 0)",
             R"(anycast_service_probe_duration_seconds{service="https"} 0.0042)",
             R"(anycast_prefix_state{prefix="2001:db8::53/128",service="dns",state="degraded"} 1)",
             R"(anycast_prefix_state{prefix="192.0.2.1/32",service="https",state="withdrawn"} 0)",
             R"(anycast_host_tcp_retransmitted_segments_total 98765)",
             R"(anycast_host_tcp_listen_overflows_total 56)",
             R"(anycast_host_tcp_time_wait_sockets 560)",
             R"(anycast_bgp_bridge_connected 1)",
             R"(anycast_bgp_neighbor_up{neighbor="198.51.100.1"} 1)",
             R"(anycast_bgp_neighbor_up{neighbor="2001:db8:ffff::1"} 0)",
             R"(anycast_bgp_prefix_converged{prefix="192.0.2.53/32"} 0)",
             R"(anycast_bgp_error_acks_total 1)",
             R"(anycast_route_changes_total{prefix="192.0.2.53/32"} 3)",
             R"(anycast_sampler_info{sampler="netlink"} 1)",
             R"(anycast_fleet_peer_reachable{peer="http://10.2.0.1:9642"} 0)",
             R"(anycast_fleet_peer_status_age_seconds{peer="http://10.2.0.1:9642"} 95)",
             R"(anycast_api_requests_total{method="status"} 120)",
             R"(anycast_api_errors_total 2)",
             R"(anycast_drains_active 1)",
             "# TYPE anycast_host_tcp_retransmitted_segments_total counter",
             "# TYPE anycast_listener_accept_queue gauge",
         }) {
        EXPECT_TRUE(lines.contains(QString::fromUtf8(expected))) << expected << "\n"
                                                                 << text.toStdString();
    }
    // Left out rather than reported as zero: no backlog from /proc, no tcp_info, and a
    // counter the kernel does not export.
    EXPECT_FALSE(text.contains(QLatin1String(R"(anycast_listener_backlog{address="192.0.2.53")")));
    EXPECT_FALSE(text.contains(QLatin1String(R"(anycast_service_lost_packets{service="dns"})")));
    EXPECT_FALSE(text.contains(QLatin1String("anycast_host_tcp_aborted_on_timeout_total")));
}

TEST(MetricsRendererTest, ReferenceParserReadsWhatTheSnapshotHolds)
{
    const MetricsSnapshot snapshot = realisticSnapshot();
    const QByteArray text = renderMetrics(snapshot);
    const ParsedMetrics metrics = parsed(text);
    expectWellFormed(metrics);
    EXPECT_EQ(metrics.samples.size(), sampleLines(text));

    for (const auto &service : snapshot.services) {
        EXPECT_EQ(metrics.value(QStringLiteral("anycast_service_sockets"),
                                {{QStringLiteral("service"), service.name},
                                 {QStringLiteral("state"), QStringLiteral("ESTABLISHED")}}),
                  static_cast<double>(service.sockets.states[TcpState::Established]));
        EXPECT_EQ(metrics
                      .value(QStringLiteral("anycast_service_health"),
                             {{QStringLiteral("service"), service.name},
                              {QStringLiteral("state"), healthName(service.health)}})
                      .value_or(-1),
                  1);
    }
    expectOneStatePer(metrics, QStringLiteral("anycast_service_health"), QStringLiteral("service"));
    expectOneStatePer(metrics, QStringLiteral("anycast_service_operator_state"),
                      QStringLiteral("service"));
    expectOneStatePer(metrics, QStringLiteral("anycast_prefix_state"), QStringLiteral("prefix"));
    expectOneStatePer(metrics, QStringLiteral("anycast_bgp_neighbor_state"),
                      QStringLiteral("neighbor"));
    EXPECT_EQ(metrics.samplesNamed(QStringLiteral("anycast_service_health")).size(), 2 * 3);
    EXPECT_EQ(metrics.samplesNamed(QStringLiteral("anycast_service_sockets")).size(),
              2 * kTcpStateCount);
    EXPECT_EQ(metrics.samplesNamed(QStringLiteral("anycast_prefix_state")).size(), 4 * 4);

    const ParsedFamily *retransmitted =
        metrics.family(QStringLiteral("anycast_host_tcp_retransmitted_segments"));
    ASSERT_NE(retransmitted, nullptr);
    EXPECT_EQ(retransmitted->type, QLatin1String("counter"));
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_host_tcp_retransmitted_segments_total")),
              98765);
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_listener_accept_queue"),
                            {{QStringLiteral("service"), QStringLiteral("https")},
                             {QStringLiteral("address"), QStringLiteral("::")},
                             {QStringLiteral("port"), QStringLiteral("443")}}),
              0);
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_fleet_peer_reachable"),
                            {{QStringLiteral("peer"), QStringLiteral("http://10.2.0.1:9642")}}),
              0);
    EXPECT_DOUBLE_EQ(metrics
                         .value(QStringLiteral("anycast_service_rtt_median_seconds"),
                                {{QStringLiteral("service"), QStringLiteral("https")}})
                         .value_or(-1),
                     0.0125);
    // prometheus-cpp prints 17 significant digits (0.08400000000000001): the same double.
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_sampler_full_sample_duration_seconds")),
              snapshot.sampler.fullSampleSeconds);
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_api_requests_total"),
                            {{QStringLiteral("method"), QStringLiteral("subscribe")}}),
              4);
}

TEST(MetricsRendererTest, FamiliesAndSeriesAreSorted)
{
    QStringList families;
    QStringList health;
    for (const QByteArray &line : renderMetrics(realisticSnapshot()).split('\n')) {
        if (line.startsWith("# TYPE "))
            families.append(QString::fromUtf8(line.split(' ').value(2)));
        else if (line.startsWith("anycast_service_health{"))
            health.append(QString::fromUtf8(line));
    }
    QStringList sortedFamilies = families;
    sortedFamilies.sort();
    EXPECT_EQ(families, sortedFamilies);
    QStringList sortedHealth = health;
    sortedHealth.sort();
    EXPECT_EQ(health, sortedHealth);
    EXPECT_EQ(health.size(), 6);
}

TEST(MetricsRendererTest, LabelValuesSurviveQuotesBackslashesAndNewlines)
{
    MetricsSnapshot snapshot = realisticSnapshot();
    const QString awkward = QStringLiteral("a\"b\\c\nd \u00e9");
    snapshot.services[0].name = awkward;
    snapshot.node = awkward;
    const QByteArray text = renderMetrics(snapshot);
    EXPECT_TRUE(text.contains(R"(service="a\"b\\c\nd )")) << text.toStdString();

    const ParsedMetrics metrics = parsed(text);
    expectWellFormed(metrics);
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_service_sockets"),
                            {{QStringLiteral("service"), awkward},
                             {QStringLiteral("state"), QStringLiteral("ESTABLISHED")}}),
              1234);
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_agent_info"),
                            {{QStringLiteral("node"), awkward},
                             {QStringLiteral("region"), QStringLiteral("eu-central")},
                             {QStringLiteral("version"), QStringLiteral("0.1.0")}}),
              1);
}

TEST(MetricsRendererTest, EmptySnapshotIsValidText)
{
    const QByteArray text = renderMetrics(MetricsSnapshot{});
    const ParsedMetrics metrics = parsed(text);
    expectWellFormed(metrics);
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_bgp_bridge_connected")), 0);
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_api_errors_total")), 0);
    EXPECT_FALSE(text.contains("anycast_service_"));
    EXPECT_FALSE(text.contains("anycast_host_"));
    EXPECT_FALSE(text.contains("anycast_sampler_"));
}

TEST(MetricsRendererTest, ReusePortListenersOnOneAddressAddUp)
{
    MetricsSnapshot snapshot = realisticSnapshot();
    auto &listeners = snapshot.services[0].sockets.listeners;
    listeners.append(listeners.first()); // a second SO_REUSEPORT socket on 0.0.0.0:443
    const ParsedMetrics metrics = parsed(renderMetrics(snapshot));
    const Labels labels{{QStringLiteral("service"), QStringLiteral("https")},
                        {QStringLiteral("address"), QStringLiteral("0.0.0.0")},
                        {QStringLiteral("port"), QStringLiteral("443")}};
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_listener_accept_queue"), labels), 6);
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_listener_backlog"), labels), 8192);
}

TEST(MetricsRendererTest, UnknownNeighborStateKeepsASeries)
{
    MetricsSnapshot snapshot = realisticSnapshot();
    snapshot.bgp.neighbors[0].state = QStringLiteral("idle");
    const ParsedMetrics metrics = parsed(renderMetrics(snapshot));
    const QString neighbor = QStringLiteral("198.51.100.1");
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_bgp_neighbor_state"),
                            {{QStringLiteral("neighbor"), neighbor},
                             {QStringLiteral("state"), QStringLiteral("idle")}}),
              1);
    EXPECT_EQ(metrics.value(QStringLiteral("anycast_bgp_neighbor_up"),
                            {{QStringLiteral("neighbor"), neighbor}}),
              0);
    expectOneStatePer(metrics, QStringLiteral("anycast_bgp_neighbor_state"),
                      QStringLiteral("neighbor"));
}

} // namespace
} // namespace anycast
