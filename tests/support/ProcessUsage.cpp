#include "tests/support/ProcessUsage.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace anycast::test {

bool readUsage(pid_t pid, ProcessUsage *usage, std::string *error)
{
    const std::string base = "/proc/" + std::to_string(pid);
    std::ifstream statFile(base + "/stat");
    std::string stat;
    std::getline(statFile, stat);
    // The command name (field 2) is in parentheses and may hold spaces; fields after the last
    // ')' are plain numbers. utime and stime are fields 14 and 15, i.e. the 12th and 13th
    // after the state letter (field 3).
    const auto close = stat.rfind(')');
    if (close == std::string::npos) {
        *error = "cannot read " + base + "/stat";
        return false;
    }
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    for (int i = 3; i <= 13 && fields >> field; ++i) {
    }
    if (!(fields >> usage->userTicks >> usage->systemTicks)) {
        *error = "cannot parse " + base + "/stat";
        return false;
    }
    std::ifstream status(base + "/status");
    std::string line;
    usage->rssKb = usage->hwmKb = 0;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            usage->rssKb = std::strtoull(line.c_str() + 6, nullptr, 10);
        else if (line.rfind("VmHWM:", 0) == 0)
            usage->hwmKb = std::strtoull(line.c_str() + 6, nullptr, 10);
    }
    if (usage->rssKb == 0) {
        *error = "no VmRSS in " + base + "/status";
        return false;
    }
    return true;
}

} // namespace anycast::test
