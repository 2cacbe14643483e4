#include "common/ConnectionActivity.h"

#include <algorithm>
#include <limits>

namespace anycast {
namespace {

constexpr quint64 kMaxU32 = std::numeric_limits<quint32>::max();

quint64 atLeast(const QList<quint32> &ages, quint32 ageMs)
{
    return static_cast<quint64>(
        std::count_if(ages.begin(), ages.end(), [ageMs](quint32 age) { return age >= ageMs; }));
}

QJsonArray agesToJson(const QList<quint32> &ages)
{
    QJsonArray result;
    for (const quint32 age : ages)
        result.append(jsonUnsigned(age));
    return result;
}

QList<quint32> agesFromJson(JsonReader &reader, const QString &key)
{
    QList<quint32> result;
    const QJsonArray ages = reader.array(key);
    if (ages.size() > ConnectionActivity::kMaxAgesKept)
        reader.fail(key,
                    QStringLiteral("at most %1 entries").arg(ConnectionActivity::kMaxAgesKept));
    for (qsizetype i = 0; i < ages.size() && i < ConnectionActivity::kMaxAgesKept && reader.ok();
         ++i)
        result.append(static_cast<quint32>(reader.unsignedElement(ages, i, key, kMaxU32)));
    return result;
}

} // namespace

quint64 ConnectionActivity::unreadFor(quint32 ageMs) const
{
    return atLeast(unreadAgesMs, ageMs);
}

quint64 ConnectionActivity::unansweredFor(quint32 ageMs) const
{
    return atLeast(unansweredAgesMs, ageMs);
}

QJsonObject ConnectionActivity::toJson() const
{
    return {
        {QStringLiteral("service"), service},
        {QStringLiteral("available"), available},
        {QStringLiteral("waiting"), jsonUnsigned(waiting)},
        {QStringLiteral("oldest_waiting_ms"), jsonUnsigned(oldestWaitingMs)},
        {QStringLiteral("accepted_from_waiting"), jsonUnsigned(acceptedFromWaiting)},
        {QStringLiteral("unread"), jsonUnsigned(unread)},
        {QStringLiteral("unread_ages_ms"), agesToJson(unreadAgesMs)},
        {QStringLiteral("unanswered"), jsonUnsigned(unanswered)},
        {QStringLiteral("unanswered_ages_ms"), agesToJson(unansweredAgesMs)},
        {QStringLiteral("answered_from_unanswered"), jsonUnsigned(answeredFromUnanswered)},
        {QStringLiteral("longest_answered_wait_ms"), jsonUnsigned(longestAnsweredWaitMs)},
    };
}

ConnectionActivity ConnectionActivity::fromJson(JsonReader &reader)
{
    ConnectionActivity result;
    result.service = reader.string(QStringLiteral("service"));
    result.available = reader.boolean(QStringLiteral("available"));
    result.waiting = reader.unsignedInteger(QStringLiteral("waiting"));
    result.oldestWaitingMs =
        static_cast<quint32>(reader.unsignedInteger(QStringLiteral("oldest_waiting_ms"), kMaxU32));
    result.acceptedFromWaiting = reader.unsignedInteger(QStringLiteral("accepted_from_waiting"));
    result.unread = reader.unsignedInteger(QStringLiteral("unread"));
    result.unreadAgesMs = agesFromJson(reader, QStringLiteral("unread_ages_ms"));
    result.unanswered = reader.unsignedInteger(QStringLiteral("unanswered"));
    result.unansweredAgesMs = agesFromJson(reader, QStringLiteral("unanswered_ages_ms"));
    result.answeredFromUnanswered =
        reader.unsignedInteger(QStringLiteral("answered_from_unanswered"));
    // Newer than the rest: an older agent's sample has no such key.
    if (reader.has(QStringLiteral("longest_answered_wait_ms")))
        result.longestAnsweredWaitMs = static_cast<quint32>(
            reader.unsignedInteger(QStringLiteral("longest_answered_wait_ms"), kMaxU32));
    reader.rejectUnknownKeys();
    return result;
}

} // namespace anycast
