#include "RouteDecision.h"

#include <QJsonArray>

namespace anycast {

QJsonObject PrefixDecision::toJson() const
{
    QJsonObject json{{QStringLiteral("prefix"), prefix},
                     {QStringLiteral("state"), prefixStateName(state)},
                     {QStringLiteral("reason"), reason}};
    if (announced()) {
        json.insert(QStringLiteral("med"), static_cast<double>(attributes.med));
        json.insert(QStringLiteral("communities"),
                    QJsonArray::fromStringList(attributes.communities));
        json.insert(QStringLiteral("as_path_prepend"), attributes.prepend);
    }
    return json;
}

} // namespace anycast
