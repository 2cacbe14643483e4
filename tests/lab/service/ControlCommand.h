#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace anycast::lab {

// One line of the control protocol, parsed. Parsing is separate from running the command so
// that a bad line is answered with `error ...` before anything in the service changes.
struct ControlCommand
{
    enum class Kind
    {
        PauseAccept,
        ResumeAccept,
        PauseRead,
        ResumeRead,
        CloseListener,
        ReopenListener,
        Delay,  // value: milliseconds
        Status, // value: HTTP status code
        Stats,
        Help,
        Quit,
    };
    Kind kind = Kind::Stats;
    int value = 0;
};

// Longest delay a command may set: an hour is far beyond any test, and keeps the deadline
// arithmetic far from overflow.
inline constexpr int kMaxDelayMs = 3'600'000;

// A command, or the text of the `error ...` answer (without the "error " prefix).
using ParsedCommand = std::variant<ControlCommand, std::string>;
ParsedCommand parseControlCommand(std::string_view line);

// The help text: every command on one line, so it fits the one-line answer rule.
std::string_view controlCommandSummary();

} // namespace anycast::lab
