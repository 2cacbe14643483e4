#pragma once

#include "agent/sampler/NetlinkSampler.h"
#include "agent/sampler/ServicePorts.h"
#include "agent/sampler/SockDiagSocket.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anycast::bench {

// Other ways to dump the socket table, timed beside NetlinkSampler (--variants) to show
// where a full sample's time goes: per walk of the kernel's table, per family, with and
// without tcp_info and kernel-side filters. Not the agent's code: a measuring probe.
class DumpVariants
{
public:
    explicit DumpVariants(PortMap portMap);

    bool open(std::string *error);

    struct Variant
    {
        std::string name;
        std::function<std::optional<double>(std::string *error)> run; // milliseconds
    };
    std::vector<Variant> variants();

    // The agent's sampler forced to one dump per family (its fallback on kernels that
    // refuse the one-walk legacy request): its counts must equal the default's.
    Result<SocketSample> perFamilySample() { return m_perFamily.sampleSockets(); }

private:
    std::optional<double> timeDumps(const std::vector<std::uint8_t> &families,
                                    std::uint8_t extensions,
                                    const std::vector<std::uint8_t> *filter, std::string *error);

    NetlinkSampler m_perFamily;
    std::vector<std::uint8_t> m_servicePortFilter;
    std::unique_ptr<SockDiagSocket> m_socket;
};

} // namespace anycast::bench
