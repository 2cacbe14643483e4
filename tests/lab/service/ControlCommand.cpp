#include "tests/lab/service/ControlCommand.h"

#include <array>
#include <charconv>
#include <optional>

namespace anycast::lab {
namespace {

struct Keyword
{
    std::string_view name;
    ControlCommand::Kind kind;
};

constexpr std::array<Keyword, 11> kKeywords{{
    {"pause-accept", ControlCommand::Kind::PauseAccept},
    {"resume-accept", ControlCommand::Kind::ResumeAccept},
    {"pause-read", ControlCommand::Kind::PauseRead},
    {"resume-read", ControlCommand::Kind::ResumeRead},
    {"close-listener", ControlCommand::Kind::CloseListener},
    {"reopen-listener", ControlCommand::Kind::ReopenListener},
    {"delay", ControlCommand::Kind::Delay},
    {"status", ControlCommand::Kind::Status},
    {"stats", ControlCommand::Kind::Stats},
    {"help", ControlCommand::Kind::Help},
    {"quit", ControlCommand::Kind::Quit},
}};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::optional<int> parseInt(std::string_view text, int low, int high)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < low ||
        value > high)
        return std::nullopt;
    return value;
}

} // namespace

ParsedCommand parseControlCommand(std::string_view line)
{
    line = trim(line);
    std::string_view word = line;
    std::string_view argument;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (isSpace(line[i])) {
            word = line.substr(0, i);
            argument = trim(line.substr(i));
            break;
        }
    }

    for (const Keyword &keyword : kKeywords) {
        if (keyword.name != word)
            continue;
        ControlCommand command{keyword.kind, 0};
        if (keyword.kind == ControlCommand::Kind::Delay) {
            const auto ms = parseInt(argument, 0, kMaxDelayMs);
            if (!ms)
                return std::string("delay needs milliseconds");
            command.value = *ms;
        } else if (keyword.kind == ControlCommand::Kind::Status) {
            // 1xx are not final answers, so a client would wait for another one forever.
            const auto code = parseInt(argument, 200, 599);
            if (!code)
                return std::string("status needs an HTTP status code from 200 to 599");
            command.value = *code;
        } else if (!argument.empty()) {
            return std::string(word) + " takes no argument";
        }
        return command;
    }
    // The echo is cut short so that a line of garbage gets a readable answer.
    constexpr std::size_t kEchoLimit = 64;
    return "unknown command '" + std::string(word.substr(0, kEchoLimit)) + "'";
}

std::string_view controlCommandSummary()
{
    return "commands: pause-accept resume-accept pause-read resume-read close-listener "
           "reopen-listener delay MS status CODE stats help quit";
}

} // namespace anycast::lab
