#include "agent/config/AgentConfig.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto config = anycast::parseAgentConfig(text, QStringLiteral("fuzz.toml"));
    // Operators are told what is wrong: a rejected file always says why.
    if (!config && config.error().isEmpty())
        std::abort();
    return 0;
}
