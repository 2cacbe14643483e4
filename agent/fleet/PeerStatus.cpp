#include "agent/fleet/PeerStatus.h"

#include "common/StrictJson.h"
#include "common/protocol/AgentStatus.h"

namespace anycast {
namespace {

Result<PeerStatus> failure(const QString &message)
{
    return Result<PeerStatus>::failure(message);
}

} // namespace

Result<PeerStatus> parsePeerStatus(const QByteArray &body)
{
    if (body.size() > kMaxPeerStatusBytes) {
        return failure(QStringLiteral("status body of %1 bytes exceeds the %2 byte limit")
                           .arg(body.size())
                           .arg(kMaxPeerStatusBytes));
    }
    const StrictJsonResult parsed = StrictJson::parseObject(body);
    if (!parsed.ok())
        return failure(QStringLiteral("not JSON %1").arg(parsed.problem->toString()));
    const Result<AgentStatus> typed =
        readObject<AgentStatus>(parsed.document.object(), JsonReader::UnknownKeys::Tolerant);
    if (!typed)
        return failure(typed.error());

    PeerStatus status;
    status.node = typed->node;
    status.region = typed->region;
    for (qsizetype i = 0; i < typed->services.size(); ++i) {
        const ServiceStatus &service = typed->services.at(i);
        // Two entries under one name would make "the peer's probe of X" ambiguous.
        if (status.services.contains(service.name)) {
            return failure(QStringLiteral("services[%1].name: service '%2' listed twice")
                               .arg(i)
                               .arg(service.name));
        }
        PeerServiceStatus result;
        result.health = service.health.name();
        if (service.probe)
            result.probeOk = service.probe->ok;
        for (const PrefixDecision &route : service.routes) {
            bool &announced = status.announced[route.prefix];
            announced = announced || route.announced();
        }
        status.services.insert(service.name, result);
    }
    return Result<PeerStatus>::success(std::move(status));
}

} // namespace anycast
