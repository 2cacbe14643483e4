#include "tests/bench/sampler/DumpVariants.h"

#include "agent/sampler/InetDiagFilter.h"
#include "tests/bench/sampler/Measure.h"

#include <sys/socket.h>

#include <linux/inet_diag.h>

namespace anycast::bench {
namespace {

constexpr std::uint32_t kAllStates = 0xFFE;
constexpr std::uint8_t kTcpInfo = 1u << (INET_DIAG_INFO - 1);

} // namespace

DumpVariants::DumpVariants(PortMap portMap)
    : m_perFamily(portMap, NetlinkSampler::FullDump::PerFamily)
    , m_servicePortFilter(InetDiagFilter::localPortIn(portMap.allPorts()))
{}

bool DumpVariants::open(std::string *error)
{
    auto opened = SockDiagSocket::open();
    if (!opened) {
        *error = opened.error().toStdString();
        return false;
    }
    m_socket = std::move(opened).value();
    return true;
}

std::vector<DumpVariants::Variant> DumpVariants::variants()
{
    const auto timed = [this](std::uint8_t extensions, const std::vector<std::uint8_t> *filter,
                              std::vector<std::uint8_t> families) {
        return [this, extensions, filter, families](std::string *error) {
            return timeDumps(families, extensions, filter, error);
        };
    };
    const auto perFamilySample = [this](std::string *error) -> std::optional<double> {
        const auto start = std::chrono::steady_clock::now();
        if (const auto sample = m_perFamily.sampleSockets(); !sample) {
            *error = sample.error().toStdString();
            return std::nullopt;
        }
        return millisecondsSince(start);
    };
    const std::vector<std::uint8_t> perFamily = {AF_INET, AF_INET6};
    const std::vector<std::uint8_t> oneWalk = {AF_UNSPEC}; // the legacy request
    return {
        {"v1 full sample, one dump per family", perFamilySample},
        {"v2 service ports only, kernel filter", timed(kTcpInfo, &m_servicePortFilter, perFamily)},
        {"v3 per family, tcp_info, count", timed(kTcpInfo, nullptr, perFamily)},
        {"v4 per family, no ext, count", timed(0, nullptr, perFamily)},
        // The AF_INET6 dump walks the same table and skips every IPv4 socket: what a socket
        // costs the kernel just to be passed over.
        {"v5 AF_INET only, no ext, count", timed(0, nullptr, {AF_INET})},
        {"v6 AF_INET6 only, no ext, count", timed(0, nullptr, {AF_INET6})},
        {"v7 one walk, tcp_info, count", timed(kTcpInfo, nullptr, oneWalk)},
        {"v8 one walk, no ext, count", timed(0, nullptr, oneWalk)},
    };
}

std::optional<double> DumpVariants::timeDumps(const std::vector<std::uint8_t> &families,
                                              std::uint8_t extensions,
                                              const std::vector<std::uint8_t> *filter,
                                              std::string *error)
{
    const auto start = std::chrono::steady_clock::now();
    for (const std::uint8_t family : families) {
        const SockDiagRequest request{family, kAllStates, extensions, filter};
        if (auto dumped = m_socket->dump(request, [](const SockDiagRecord &) {}); !dumped) {
            *error = dumped.error().toStdString();
            return std::nullopt;
        }
    }
    return millisecondsSince(start);
}

} // namespace anycast::bench
