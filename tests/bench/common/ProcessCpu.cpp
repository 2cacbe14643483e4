#include "tests/bench/common/ProcessCpu.h"

#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace anycast::bench {

ProcessCpu::ProcessCpu(pid_t pid)
    : m_pid(pid)
    , m_startTicks(ticksOf(pid))
    , m_start(Clock::now())
{}

long long ProcessCpu::ticksOf(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(stat, text))
        return -1;
    // The command name (field 2) is in parentheses and may hold spaces: fields after it.
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    long long total = 0;
    // State is field 3; utime, stime, cutime, cstime are fields 14 to 17.
    for (int number = 3; number <= 17 && fields >> field; ++number) {
        if (number >= 14)
            total += std::stoll(field);
    }
    return total;
}

double ProcessCpu::secondsUsed() const
{
    const long long now = ticksOf(m_pid);
    if (now < 0 || m_startTicks < 0)
        return 0;
    return static_cast<double>(now - m_startTicks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double ProcessCpu::percentOfOneCore() const
{
    const double wall = std::chrono::duration<double>(Clock::now() - m_start).count();
    return wall > 0 ? 100 * secondsUsed() / wall : 0;
}

} // namespace anycast::bench
