#include "agent/support/TextQuoting.h"

#include <algorithm>

namespace anycast {

QString quoted(std::string_view text, std::size_t maxShown, CutMark mark)
{
    const std::size_t shown = std::min(text.size(), maxShown);
    QString out = QStringLiteral("'");
    for (const char c : text.substr(0, shown)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f)
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
    }
    const bool cut = shown < text.size();
    if (cut && mark == CutMark::Ellipsis)
        out += QStringLiteral("...");
    out += QLatin1Char('\'');
    if (cut && mark == CutMark::ByteCount)
        out += QStringLiteral(" (%1 bytes)").arg(text.size());
    return out;
}

} // namespace anycast
