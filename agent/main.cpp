#include "agent/config/AgentConfig.h"
#include "agent/config/ExabgpConfig.h"
#include "agent/config/HostGroupCheck.h"
#include "agent/once/SampleReport.h"
#include "agent/runtime/AgentRuntime.h"
#include "agent/runtime/MemoryTuning.h"
#include "agent/runtime/ServiceOrder.h"
#include "agent/runtime/UnixSignals.h"
#include "agent/sampler/HostCountersReader.h"
#include "agent/sampler/NetlinkSampler.h"
#include "agent/sampler/ProcRoot.h"
#include "agent/sampler/ProcSampler.h"
#include "agent/sampler/SampleCollector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>

#include <cstdio>
#include <memory>

namespace {

// Exit codes, documented in the README.
constexpr int kExitOk = 0;
constexpr int kExitSampleFailed = 1;
constexpr int kExitBadConfig = 2;
constexpr int kExitUsage = 64;

void printError(const QString &message)
{
    std::fprintf(stderr, "anycast-agent: %s\n", qPrintable(message));
}

std::unique_ptr<anycast::Sampler> makeSampler(const QString &kind, const anycast::PortMap &ports)
{
    if (kind == QLatin1String("proc"))
        return std::make_unique<anycast::ProcSampler>(ports, anycast::defaultProcRoot());
    return std::make_unique<anycast::NetlinkSampler>(ports);
}

int runOnce(const anycast::AgentConfig &config, const QString &samplerKind, bool json)
{
    const auto ports = anycast::PortMap::build(config.servicePorts());
    if (!ports) {
        printError(ports.error());
        return kExitBadConfig;
    }
    std::unique_ptr<anycast::Sampler> sampler = makeSampler(samplerKind, ports.value());
    auto listeners = sampler->sampleListeners();
    if (!listeners && samplerKind == QLatin1String("auto")) {
        // No sock_diag (a locked-down container, an old kernel): /proc still answers.
        printError(QStringLiteral("netlink sampler unavailable (%1); using /proc/net/tcp")
                       .arg(listeners.error()));
        sampler = makeSampler(QStringLiteral("proc"), ports.value());
        listeners = sampler->sampleListeners();
    }
    if (!listeners) {
        printError(listeners.error());
        return kExitSampleFailed;
    }
    anycast::SampleCollector collector(*sampler,
                                       anycast::HostCountersReader(anycast::defaultProcRoot()));
    auto sample = collector.collect();
    if (!sample) {
        printError(sample.error());
        return kExitSampleFailed;
    }
    if (const QString problem = anycast::serviceOrderProblem(
            config.serviceNames(), sample->services,
            [](const anycast::ServiceSocketStats &service) { return service.name; });
        !problem.isEmpty()) {
        printError(problem);
        return kExitSampleFailed;
    }
    const auto probes = anycast::runProbesOnce(config);
    const anycast::SampleReport report{config.node, config.region, listeners.value(),
                                       sample.value(),
                                       anycast::evaluateOnce(config, sample.value(), probes)};
    const QByteArray output = json ? QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)
                                   : report.toText().toUtf8();
    std::fwrite(output.constData(), 1, static_cast<size_t>(output.size()), stdout);
    return kExitOk;
}

int runAgent(const anycast::AgentConfig &config, const QString &samplerKind)
{
    const auto ports = anycast::PortMap::build(config.servicePorts());
    if (!ports) {
        printError(ports.error());
        return kExitBadConfig;
    }
    std::unique_ptr<anycast::Sampler> sampler = makeSampler(samplerKind, ports.value());
    if (samplerKind == QLatin1String("auto")) {
        if (const auto probe = sampler->sampleListeners(); !probe) {
            printError(QStringLiteral("netlink sampler unavailable (%1); using /proc/net/tcp")
                           .arg(probe.error()));
            sampler = makeSampler(QStringLiteral("proc"), ports.value());
        }
    }
    // First in, last out: a second SIGTERM during the shutdown below is still only a byte in
    // a pipe, never the default action that would kill the agent halfway through.
    anycast::UnixSignals unixSignals;
    anycast::AgentRuntime runtime(config, std::move(sampler),
                                  anycast::HostCountersReader(anycast::defaultProcRoot()));
    QObject::connect(&unixSignals, &anycast::UnixSignals::terminate, &runtime,
                     [&runtime](int signal) {
                         anycast::logLine(QStringLiteral("agent: signal %1, stopping").arg(signal));
                         runtime.stop();
                         QCoreApplication::quit();
                     });
    QObject::connect(&unixSignals, &anycast::UnixSignals::reload, &runtime,
                     &anycast::AgentRuntime::reload);
    runtime.start();
    return QCoreApplication::exec();
}

// `anycast-agent --config FILE exabgp-config --neighbor ADDR --peer-as N ...`
int printExabgpConfig(const anycast::AgentConfig &config, const QCommandLineParser &parser)
{
    anycast::ExabgpConfigOptions options;
    bool ok = false;
    const uint peerAs = parser.value(QStringLiteral("peer-as")).toUInt(&ok);
    if (!ok || peerAs == 0) {
        printError(QStringLiteral("exabgp-config needs --peer-as N (the neighbors' AS)"));
        return kExitUsage;
    }
    const QStringList neighbors = parser.values(QStringLiteral("neighbor"));
    if (neighbors.isEmpty()) {
        printError(QStringLiteral("exabgp-config needs at least one --neighbor ADDRESS"));
        return kExitUsage;
    }
    for (const QString &address : neighbors) {
        if (QHostAddress(address).isNull()) {
            printError(QStringLiteral("--neighbor %1: not an IP address").arg(address));
            return kExitUsage;
        }
        options.neighbors.append({address, peerAs});
    }
    options.localAddress = parser.value(QStringLiteral("local-address"));
    options.routerId = parser.value(QStringLiteral("router-id"));
    if (parser.isSet(QStringLiteral("connect"))) {
        const uint port = parser.value(QStringLiteral("connect")).toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            printError(QStringLiteral("--connect needs a port from 1 to 65535"));
            return kExitUsage;
        }
        options.connectPort = static_cast<quint16>(port);
    }
    options.bridgePath =
        parser.isSet(QStringLiteral("bridge"))
            ? parser.value(QStringLiteral("bridge"))
            : QCoreApplication::applicationDirPath() + QStringLiteral("/anycast-exabgp-bridge");
    if (config.bgp.localAs == 0) {
        printError(QStringLiteral("%1: [bgp] local_as is not set").arg(config.sourcePath));
        return kExitBadConfig;
    }
    const QByteArray text = anycast::exabgpConfig(config, options).toUtf8();
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    return kExitOk;
}

} // namespace

int main(int argc, char *argv[])
{
    anycast::useFixedMmapThreshold();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("anycast-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ANYCAST_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reads socket health from the kernel and drives BGP announcements."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("Agent configuration (TOML)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QStringLiteral("Validate the configuration and exit."));
    const QCommandLineOption onceOption(
        QStringLiteral("once"),
        QStringLiteral("Take one full sample, run each probe once, print the verdicts and "
                       "desired routes, exit."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("With --once: print JSON."));
    const QCommandLineOption samplerOption(
        QStringLiteral("sampler"),
        QStringLiteral("Socket source: auto (netlink, falling back to /proc), netlink or proc."),
        QStringLiteral("KIND"), QStringLiteral("auto"));
    parser.addOptions({configOption, checkOption, onceOption, jsonOption, samplerOption});
    parser.addPositionalArgument(
        QStringLiteral("exabgp-config"),
        QStringLiteral("Print an ExaBGP configuration for this agent and exit."),
        QStringLiteral("[exabgp-config]"));
    parser.addOptions({
        {QStringLiteral("neighbor"), QStringLiteral("exabgp-config: a BGP neighbor (repeatable)."),
         QStringLiteral("ADDRESS")},
        {QStringLiteral("peer-as"), QStringLiteral("exabgp-config: the neighbors' AS."),
         QStringLiteral("N")},
        {QStringLiteral("local-address"), QStringLiteral("exabgp-config: the session's source."),
         QStringLiteral("ADDRESS")},
        {QStringLiteral("router-id"), QStringLiteral("exabgp-config: BGP router id."),
         QStringLiteral("ID")},
        {QStringLiteral("connect"), QStringLiteral("exabgp-config: the neighbors' port (labs)."),
         QStringLiteral("PORT")},
        {QStringLiteral("bridge"), QStringLiteral("exabgp-config: the bridge binary to run."),
         QStringLiteral("PATH")},
    });
    parser.process(app);

    const QString samplerKind = parser.value(samplerOption);
    if (!QStringList{QStringLiteral("auto"), QStringLiteral("netlink"), QStringLiteral("proc")}
             .contains(samplerKind)) {
        printError(QStringLiteral("--sampler must be auto, netlink or proc"));
        return kExitUsage;
    }
    if (!parser.isSet(configOption)) {
        printError(QStringLiteral("--config FILE is required"));
        return kExitUsage;
    }
    const auto config = anycast::loadAgentConfig(parser.value(configOption));
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error()));
        return kExitBadConfig;
    }
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (positional != QStringList{QStringLiteral("exabgp-config")}) {
            printError(
                QStringLiteral("unknown command '%1'").arg(positional.join(QLatin1Char(' '))));
            return kExitUsage;
        }
        return printExabgpConfig(config.value(), parser);
    }
    if (parser.isSet(checkOption)) {
        // The file is valid; the host must also have the groups it names, or the running
        // agent would fall back to owner-only sockets and root-only drains.
        const QStringList missing =
            anycast::missingGroupProblems(config.value(), anycast::groupExistsOnHost);
        if (!missing.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(missing.join(QLatin1Char('\n'))));
            return kExitBadConfig;
        }
        std::printf("%s: OK (%lld services)\n", qPrintable(parser.value(configOption)),
                    static_cast<long long>(config->services.size()));
        return kExitOk;
    }
    if (parser.isSet(onceOption))
        return runOnce(config.value(), samplerKind, parser.isSet(jsonOption));

    return runAgent(config.value(), samplerKind);
}
