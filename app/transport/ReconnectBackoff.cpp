#include "app/transport/ReconnectBackoff.h"

#include <algorithm>
#include <cmath>

namespace anycast {

ReconnectBackoff::ReconnectBackoff(Random random)
    : ReconnectBackoff(std::move(random), Settings{})
{}

ReconnectBackoff::ReconnectBackoff(Random random, Settings settings)
    : m_random(std::move(random))
    , m_settings(settings)
{}

std::chrono::milliseconds ReconnectBackoff::nextDelay()
{
    // Doubling past 2^16 s overflows nothing but is pointless: the maximum caps far earlier.
    const int exponent = std::min(m_failures, 16);
    const double base =
        std::min(static_cast<double>(m_settings.initial.count()) * std::ldexp(1.0, exponent),
                 static_cast<double>(m_settings.maximum.count()));
    const double draw = std::clamp(m_random(), 0.0, 1.0);
    ++m_failures;
    return std::chrono::milliseconds(std::llround(base * (1.0 - m_settings.jitter * draw)));
}

void ReconnectBackoff::connected(Clock::time_point now)
{
    m_connectedAt = now;
    m_isConnected = true;
}

void ReconnectBackoff::disconnected(Clock::time_point now)
{
    if (m_isConnected && now - m_connectedAt >= m_settings.stableAfter)
        m_failures = 0;
    m_isConnected = false;
}

void ReconnectBackoff::reset()
{
    m_failures = 0;
    m_isConnected = false;
}

} // namespace anycast
