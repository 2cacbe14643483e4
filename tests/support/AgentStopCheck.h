#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace anycast::test {

// How a child process ended, from waitpid()'s status or QProcess.
struct ProcessEnd
{
    bool exited = false; // false: killed by a signal
    int code = 0;        // the exit status, or the signal number
};

// Every way an agent stopped by SIGTERM failed to stop cleanly, one sentence each: an exit
// other than 0 (a crash shows as a signal), or a line of its log carrying a Qt runtime
// warning or a sanitizer report, quoted. Empty when the stop was clean. Every harness that
// stops an agent calls this; plain C++ so that the benchmarks without Qt can too.
std::vector<std::string> agentStopProblems(ProcessEnd end, std::string_view log);

// The problems as one message for a failed assertion or a benchmark's error line.
std::string describeStopProblems(const std::vector<std::string> &problems);

} // namespace anycast::test
