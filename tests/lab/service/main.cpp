// anycast-lab-service: an HTTP service for tests and the demo that fails on command. See
// LabService.h for the design and the README for the control commands.

#include "agent/support/FileDescriptor.h"
#include "tests/lab/service/LabService.h"

#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <optional>
#include <string>
#include <string_view>
#include <sys/signalfd.h>
#include <unistd.h>
#include <utility>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 64;

constexpr const char *kUsage =
    "usage: anycast-lab-service --listen ADDR:PORT [--backlog N] [--control PATH]\n"
    "  ADDR is numeric: 127.0.0.1, ::1 or [::1]; PORT 0 picks a free port.\n"
    "  Prints 'listening ADDR:PORT', then reads control commands (one per line) from stdin\n"
    "  and from the Unix socket PATH. Send 'help' for the list.\n";

int usageError(const std::string &message)
{
    std::fprintf(stderr, "anycast-lab-service: %s\n%s", message.c_str(), kUsage);
    return kExitUsage;
}

// Descriptors 0-2 must be taken before any socket is opened: a service started with stdin
// closed would otherwise get its listener as fd 0 and read commands from it.
void occupyStandardDescriptors()
{
    for (int fd = 0; fd <= 2; ++fd) {
        if (fcntl(fd, F_GETFD) < 0) {
            const int opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
            if (opened >= 0 && opened != fd) {
                dup2(opened, fd);
                close(opened);
            }
        }
    }
}

std::optional<int> parseBacklog(std::string_view text)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 1 ||
        value > 65535)
        return std::nullopt;
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    occupyStandardDescriptors();

    anycast::lab::LabOptions options;
    bool haveListen = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view name = argv[i];
        std::optional<std::string_view> value;
        if (const auto equals = name.find('='); name.starts_with("--") && equals != name.npos) {
            value = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        if (name == "--help" || name == "-h") {
            std::fputs(kUsage, stdout);
            return kExitOk;
        }
        if (name != "--listen" && name != "--backlog" && name != "--control")
            return usageError("unknown argument '" + std::string(argv[i]) + "'");
        if (!value) {
            if (i + 1 >= argc)
                return usageError(std::string(name) + " needs a value");
            value = argv[++i];
        }
        if (name == "--listen") {
            const auto endpoint = anycast::lab::Endpoint::parse(*value);
            if (!endpoint)
                return usageError("--listen needs ADDR:PORT with a numeric address, not '" +
                                  std::string(*value) + "'");
            options.listen = *endpoint;
            haveListen = true;
        } else if (name == "--backlog") {
            const auto backlog = parseBacklog(*value);
            if (!backlog)
                return usageError("--backlog needs a number from 1 to 65535");
            options.backlog = *backlog;
        } else {
            if (value->empty())
                return usageError("--control needs a path");
            options.controlPath = std::string(*value);
        }
    }
    if (!haveListen)
        return usageError("--listen ADDR:PORT is required");

    // SIGTERM and SIGINT arrive through a signalfd, as one more descriptor in the poll loop,
    // so the service leaves through its destructor and removes its control socket.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigprocmask(SIG_BLOCK, &signals, nullptr);
    const anycast::FileDescriptor signalFd(signalfd(-1, &signals, SFD_NONBLOCK | SFD_CLOEXEC));
    if (!signalFd.valid()) {
        std::perror("anycast-lab-service: signalfd");
        return kExitFailure;
    }
    // A client or a reader of stdout that goes away must not kill the service.
    std::signal(SIGPIPE, SIG_IGN);

    try {
        anycast::lab::LabService service(std::move(options));
        return service.run(signalFd.get());
    } catch (const std::exception &error) {
        std::fprintf(stderr, "anycast-lab-service: %s\n", error.what());
        return kExitFailure;
    }
}
