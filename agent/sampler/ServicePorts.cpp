#include "agent/sampler/ServicePorts.h"

#include <algorithm>
#include <limits>

namespace anycast {

Result<PortMap> PortMap::build(const QList<ServicePorts> &services)
{
    if (services.size() > std::numeric_limits<std::int16_t>::max())
        return Result<PortMap>::failure(QStringLiteral("too many services"));
    PortMap map;
    map.m_services = services;
    map.m_owner.fill(kNoService);
    for (qsizetype index = 0; index < services.size(); ++index) {
        for (const quint16 port : services[index].ports) {
            if (port == 0) {
                return Result<PortMap>::failure(
                    QStringLiteral("service %1: port 0 is not a port").arg(services[index].name));
            }
            const std::int16_t owner = map.m_owner[port];
            if (owner != kNoService && owner != index) {
                return Result<PortMap>::failure(
                    QStringLiteral("port %1 belongs to both service %2 and service %3")
                        .arg(port)
                        .arg(services[owner].name, services[index].name));
            }
            map.m_owner[port] = static_cast<std::int16_t>(index);
            map.m_ports.push_back(port);
        }
    }
    std::sort(map.m_ports.begin(), map.m_ports.end());
    map.m_ports.erase(std::unique(map.m_ports.begin(), map.m_ports.end()), map.m_ports.end());
    if (map.m_ports.size() > kMaxPorts) {
        return Result<PortMap>::failure(QStringLiteral("%1 service ports configured; at most %2 "
                                                       "are supported")
                                            .arg(map.m_ports.size())
                                            .arg(kMaxPorts));
    }
    return Result<PortMap>::success(std::move(map));
}

} // namespace anycast
