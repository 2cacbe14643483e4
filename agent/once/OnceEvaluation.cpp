#include "agent/once/OnceEvaluation.h"

#include "agent/policy/ServiceDecision.h"

#include <QEventLoop>

#include <memory>

namespace anycast {

QList<std::optional<ProbeResult>> runProbesOnce(const AgentConfig &config)
{
    QList<std::optional<ProbeResult>> results(config.services.size());
    std::vector<std::unique_ptr<Probe>> probes;
    QEventLoop loop;
    int outstanding = 0;
    for (qsizetype i = 0; i < config.services.size(); ++i) {
        const auto &spec = config.services[i].probe;
        if (!spec)
            continue;
        probes.push_back(Probe::create(*spec));
        QObject::connect(probes.back().get(), &Probe::finished, &loop,
                         [&results, &outstanding, &loop, i](const ProbeResult &result) {
                             results[i] = result;
                             if (--outstanding == 0)
                                 loop.quit();
                         });
        if (probes.back()->start())
            ++outstanding;
    }
    if (outstanding > 0)
        loop.exec();
    return results;
}

QList<ServiceEvaluation> evaluateOnce(const AgentConfig &config, const SocketSample &sample,
                                      const QList<std::optional<ProbeResult>> &probes)
{
    const SteadyTime now = std::chrono::steady_clock::now();
    QList<ServiceEvaluation> evaluations;
    for (qsizetype i = 0; i < config.services.size(); ++i) {
        const ServiceConfig &service = config.services[i];
        // One check: rise and fall of one, so the verdict is what this moment's signals say.
        HealthConfig single = service.healthConfig();
        single.rise = 1;
        single.fall = 1;
        ServiceDecision decision(single,
                                 RoutePolicy(service.prefixes, config.policyConfig(service)), now);
        if (const std::optional<ProbeResult> &probe = probes.value(i))
            decision.onConfirmedProbe(probe->outcome(), now);
        if (i < sample.connections.size())
            decision.onConnections(sample.connections[i], now);
        decision.onSample(sample.services[i], sample.host, now);
        evaluations.append({service.name, decision.verdict(), probes.value(i), decision.routes()});
    }
    return evaluations;
}

} // namespace anycast
