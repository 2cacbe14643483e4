#include "BgpCommunity.h"
#include "IpAddress.h"
#include "NextHop.h"
#include "Prefix.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// The value parsers behind the config's prefixes, next hop and communities. Whatever they
// accept is already canonical (rendering it again gives the very same text, so nothing but
// the parsed value ever reaches ExaBGP), every refusal says why, and a canonical form they
// suggest ("did you mean X?") is itself accepted.
namespace {

template <typename Parsed> void checkOne(const QString &text)
{
    const auto parsed = Parsed::parse(text);
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
    const auto fixed = Parsed::parse(suggestion);
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
    checkOne<anycast::Prefix>(text);
    checkOne<anycast::IpAddress>(text);
    checkOne<anycast::BgpCommunity>(text);
    checkOne<anycast::NextHop>(text);
    if (const auto prefix = anycast::Prefix::parse(text)) {
        const auto announceable = anycast::parseAnnounceablePrefix(text);
        if (announceable.ok() != prefix->announceProblem().isEmpty())
            std::abort();
    }
    return 0;
}
