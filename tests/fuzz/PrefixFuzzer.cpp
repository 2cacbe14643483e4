#include "agent/bgp/BgpCommunity.h"
#include "agent/bgp/NextHop.h"
#include "common/IpAddress.h"
#include "common/Prefix.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// The value parsers behind the config's prefixes, next hop and communities. Whatever they
// accept is already canonical (rendering it again gives the very same text, so nothing but
// the parsed value ever reaches ExaBGP), every refusal says why, and a canonical form they
// suggest ("did you mean X?") is itself accepted by the same parser.
namespace {

template <typename Parse> void checkOne(const QString &text, Parse parse)
{
    const auto parsed = parse(text);
    if (parsed) {
        if (parsed->toString() != text)
            std::abort();
        return;
    }
    if (parsed.error().isEmpty())
        std::abort();
    const QString marker = QStringLiteral("did you mean ");
    const qsizetype at = parsed.error().lastIndexOf(marker);
    if (at < 0)
        return;
    const QString suggestion = parsed.error().mid(at + marker.size()).chopped(1);
    const auto fixed = parse(suggestion);
    if (!fixed || fixed->toString() != suggestion)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 256)
        return 0;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    using namespace anycast;
    checkOne(text, &Prefix::parse);
    checkOne(text, &Prefix::parseAnnounceable);
    checkOne(text, &IpAddress::parse);
    checkOne(text, &BgpCommunity::parse);
    checkOne(text, &NextHop::parse);
    if (const auto prefix = Prefix::parse(text)) {
        if (Prefix::parseAnnounceable(text).ok() != prefix->announceProblem().isEmpty())
            std::abort();
    }
    return 0;
}
