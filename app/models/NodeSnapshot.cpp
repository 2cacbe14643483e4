#include "app/models/NodeSnapshot.h"

namespace anycast {

const ServiceSample *NodeSnapshot::sampleOf(const QString &service) const
{
    if (!lastSample)
        return nullptr;
    for (const ServiceSample &sample : lastSample->services) {
        if (sample.stats.name == service)
            return &sample;
    }
    return nullptr;
}

const ServiceStatus *NodeSnapshot::statusOf(const QString &service) const
{
    if (!status)
        return nullptr;
    for (const ServiceStatus &serviceStatus : status->services) {
        if (serviceStatus.name == service)
            return &serviceStatus;
    }
    return nullptr;
}

quint64 NodeSnapshot::established(const QString &service) const
{
    if (const ServiceSample *sample = sampleOf(service))
        return sample->stats.states[TcpState::Established];
    if (const ServiceStatus *serviceStatus = statusOf(service))
        return serviceStatus->established;
    return 0;
}

} // namespace anycast
