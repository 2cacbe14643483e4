#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace anycast {

// What a sampler needs to know of a service: its name and the local ports it owns.
struct ServicePorts
{
    QString name;
    QList<quint16> ports;
};

// Local port -> index of the owning service, in O(1) with no allocation on the hot path.
// A port belongs to at most one service; build() says which port is claimed twice.
class PortMap
{
public:
    static constexpr std::int16_t kNoService = -1;
    // The kernel filter spends 12 bytes a port and its jump offsets are 16 bits wide; 4096
    // ports keep it well inside that (and no real service has more).
    static constexpr std::size_t kMaxPorts = 4096;

    static Result<PortMap> build(const QList<ServicePorts> &services);

    const QList<ServicePorts> &services() const { return m_services; }
    std::int16_t serviceOf(std::uint16_t port) const { return m_owner[port]; }
    const std::vector<std::uint16_t> &allPorts() const { return m_ports; } // sorted, unique

private:
    QList<ServicePorts> m_services;
    std::array<std::int16_t, 65536> m_owner{};
    std::vector<std::uint16_t> m_ports;
};

} // namespace anycast
