#include "common/protocol/PrefixDecision.h"

#include <QJsonArray>

#include <limits>

namespace anycast {
namespace {

template <typename State>
State stateFrom(JsonReader &reader, const QString &key,
                std::optional<State> (*fromName)(QStringView), const char *expected)
{
    const QString name = reader.string(key);
    if (const auto state = fromName(name))
        return *state;
    if (reader.ok())
        reader.fail(
            key,
            QStringLiteral("expected %1, not \"%2\"").arg(QLatin1String(expected), name.left(64)));
    return State{};
}

} // namespace

PrefixState prefixStateFrom(JsonReader &reader, const QString &key)
{
    return stateFrom<PrefixState>(reader, key, &prefixStateFromName,
                                  "announced, degraded, draining or withdrawn");
}

ServiceHealth healthFrom(JsonReader &reader, const QString &key)
{
    return stateFrom<ServiceHealth>(reader, key, &healthFromName, "healthy, degraded or down");
}

OperatorState operatorStateFrom(JsonReader &reader, const QString &key)
{
    return stateFrom<OperatorState>(reader, key, &operatorStateFromName,
                                    "active, draining or drained");
}

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

PrefixDecision PrefixDecision::fromJson(JsonReader &reader)
{
    PrefixDecision decision;
    decision.prefix = reader.string(QStringLiteral("prefix"));
    decision.state = prefixStateFrom(reader, QStringLiteral("state"));
    decision.reason = reader.string(QStringLiteral("reason"));
    if (decision.announced()) {
        decision.attributes.med = static_cast<quint32>(
            reader.unsignedInteger(QStringLiteral("med"), std::numeric_limits<quint32>::max()));
        const QString communitiesKey = QStringLiteral("communities");
        const QJsonArray communities = reader.array(communitiesKey);
        for (qsizetype i = 0; i < communities.size() && reader.ok(); ++i)
            decision.attributes.communities.append(
                reader.stringElement(communities, i, communitiesKey));
        decision.attributes.prepend =
            static_cast<int>(reader.unsignedInteger(QStringLiteral("as_path_prepend"), 255));
    }
    // A withdrawn route carries no attributes: unknown keys reports any it has.
    reader.rejectUnknownKeys();
    return decision;
}

} // namespace anycast
