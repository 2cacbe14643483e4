#include "common/StrictJson.h"

#include <QVariant>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

// Any bytes: the strict parser gives a document or a problem inside the text, never a crash;
// and what it accepts, written back out by Qt, it accepts again as the same document.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace anycast;
    const QByteArrayView text(data, static_cast<qsizetype>(size));
    const StrictJsonResult parsed = StrictJson::parse(text);
    if (!parsed.ok()) {
        if (!parsed.document.isNull() || parsed.problem->reason.isEmpty() ||
            parsed.problem->offset < 0 || parsed.problem->offset > text.size())
            std::abort();
        return 0;
    }
    if (!parsed.document.isObject() && !parsed.document.isArray())
        std::abort();
    const QByteArray again = parsed.document.toJson(QJsonDocument::Compact);
    const StrictJsonResult reparsed = StrictJson::parse(again);
    // Compared as content: Qt orders an object's keys by how they arrived (a surrogate pair
    // from a \u escape sorts apart from the same pair read as UTF-8), and QJsonDocument's ==
    // compares that order.
    if (!reparsed.ok() || reparsed.document.toVariant() != parsed.document.toVariant())
        std::abort();
    const StrictJsonResult object = StrictJson::parseObject(text);
    if (object.ok() != parsed.document.isObject())
        std::abort();
    return 0;
}
