#pragma once

#include <cstdint>

namespace anycast::bench {

// What the command line asks for; the defaults are the benchmark recorded in docs/PERFORMANCE.md.
struct Options
{
    std::uint64_t sockets = 100000;
    int repeat = 15;
    int fastRepeat = 200;
    int warmup = 2;
    std::uint16_t port = 0;
    bool requireTargets = false;
    bool references = true;
    bool variants = false;
};

// False (after saying why on stderr) for a bad command line; --help prints usage and exits 0.
bool parseOptions(int argc, char **argv, Options &options);

} // namespace anycast::bench
