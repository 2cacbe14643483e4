#include "OnceEvaluation.h"

#include "RoutePolicy.h"

#include <QEventLoop>
#include <QTimer>

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
        HealthConfig single = service.healthConfig();
        single.rise = 1;
        single.fall = 1;
        HealthEngine engine(single, now);
        if (probes.value(i))
            engine.onProbe(probes[i]->ok, probes[i]->detail);
        if (i < sample.connections.size())
            engine.onConnections(sample.connections[i], now);
        engine.onSample(sample.services[i], sample.host, now);

        RoutePolicy policy(service.prefixes, service.route, config.bgp.flapBudget,
                           std::chrono::seconds(config.bgp.flapWindowSeconds),
                           config.fleet.minAnnouncing);
        PolicyInput input;
        input.health = engine.verdict().health;
        input.healthReasons = engine.verdict().reasons;
        input.established = sample.services[i].states[TcpState::Established];
        evaluations.append(
            {service.name, engine.verdict(), probes.value(i), policy.decide(input, {}, now)});
    }
    return evaluations;
}

} // namespace anycast
