#include "tests/bench/sampler/Options.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>

namespace anycast::bench {
namespace {

constexpr const char *kUsage =
    "usage: anycast-bench-sampler [--sockets N] [--repeat R] [--fast-repeat F] [--warmup W]\n"
    "                             [--port P] [--require-targets] [--no-reference] [--variants]\n"
    "  --sockets N        sockets to hold open on loopback (default 100000)\n"
    "  --repeat R         timed rounds (default 15)\n"
    "  --fast-repeat F    fast-path runs in all, spread over the rounds (default 200)\n"
    "  --warmup W         untimed rounds first (default 2)\n"
    "  --port P           the service port (default: an ephemeral one)\n"
    "  --require-targets  exit 1 when a target is missed\n"
    "  --no-reference     skip the reference lines (ss -tani, cat /proc/net/tcp{,6})\n"
    "  --variants         also time other ways of taking the full sample\n";

} // namespace

bool parseOptions(int argc, char **argv, Options &options)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto number = [&](std::uint64_t low, std::uint64_t high, auto &out) {
            char *end = nullptr;
            const char *text = i + 1 < argc ? argv[++i] : "";
            const std::uint64_t value = std::strtoull(text, &end, 10);
            if (!*text || *end || value < low || value > high) {
                std::fprintf(stderr, "%s: expected a number from %llu to %llu\n", arg.c_str(),
                             static_cast<unsigned long long>(low),
                             static_cast<unsigned long long>(high));
                return false;
            }
            out = static_cast<std::remove_reference_t<decltype(out)>>(value);
            return true;
        };
        bool ok = true;
        if (arg == "--sockets")
            ok = number(2, 10'000'000, options.sockets);
        else if (arg == "--repeat")
            ok = number(1, 100'000, options.repeat);
        else if (arg == "--fast-repeat")
            ok = number(1, 1'000'000, options.fastRepeat);
        else if (arg == "--warmup")
            ok = number(0, 1000, options.warmup);
        else if (arg == "--port")
            ok = number(1, 65535, options.port);
        else if (arg == "--require-targets")
            options.requireTargets = true;
        else if (arg == "--no-reference")
            options.references = false;
        else if (arg == "--variants")
            options.variants = true;
        else if (arg == "--help" || arg == "-h") {
            std::printf("%s", kUsage);
            std::exit(0);
        } else {
            std::fprintf(stderr, "unknown option %s\n%s", arg.c_str(), kUsage);
            return false;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace anycast::bench
