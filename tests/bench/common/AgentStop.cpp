#include "tests/bench/common/AgentStop.h"

#include "tests/support/AgentStopCheck.h"

#include <cstdio>
#include <sys/wait.h>

namespace anycast::bench {

bool stopAgentCleanly(TimedChild &agent)
{
    const int status = agent.stop();
    std::string log;
    for (const TimedLine &line : agent.linesToTheEnd())
        log += line.text + '\n';
    const test::ProcessEnd end{WIFEXITED(status),
                               WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status)};
    const std::vector<std::string> problems = test::agentStopProblems(end, log);
    if (!problems.empty()) {
        std::fprintf(stderr, "error: %s\n", test::describeStopProblems(problems).c_str());
        return false;
    }
    std::printf("agent stopped by SIGTERM: exit 0, no Qt warnings in its log\n");
    return true;
}

} // namespace anycast::bench
