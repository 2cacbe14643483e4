#include "tests/support/AgentStopCheck.h"

#include <array>
#include <cstring>

namespace anycast::test {
namespace {

// What Qt prints when the program misuses it (deleting a shared object, a notifier on a
// closed descriptor, a socket used from the wrong thread, a process destroyed while
// running), and what the sanitizers print. None of these belongs in a clean agent's log.
constexpr std::array<std::string_view, 12> kWarningMarks = {
    "QObject:",     "QSocketNotifier:", "QLocalSocket",  "QTcpSocket",
    "QProcess:",    "QTimer",           "QThread",       "Warning",
    "is malformed", "AddressSanitizer", "LeakSanitizer", "runtime error:",
};

} // namespace

std::vector<std::string> agentStopProblems(ProcessEnd end, std::string_view log)
{
    std::vector<std::string> problems;
    if (!end.exited) {
        const char *name = strsignal(end.code);
        problems.push_back("killed by signal " + std::to_string(end.code) + " (" +
                           (name ? name : "unknown") + ") instead of exiting 0");
    } else if (end.code != 0) {
        problems.push_back("exit status " + std::to_string(end.code) + " instead of 0");
    }
    std::size_t start = 0;
    while (start < log.size()) {
        std::size_t lineEnd = log.find('\n', start);
        if (lineEnd == std::string_view::npos)
            lineEnd = log.size();
        const std::string_view line = log.substr(start, lineEnd - start);
        for (const std::string_view mark : kWarningMarks) {
            if (line.find(mark) != std::string_view::npos) {
                problems.push_back("log line with \"" + std::string(mark) +
                                   "\": " + std::string(line));
                break;
            }
        }
        start = lineEnd + 1;
    }
    return problems;
}

std::string describeStopProblems(const std::vector<std::string> &problems)
{
    std::string text = "the agent did not stop cleanly:";
    for (const std::string &problem : problems)
        text += "\n  " + problem;
    return text;
}

} // namespace anycast::test
