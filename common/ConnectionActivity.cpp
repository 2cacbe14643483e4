#include "ConnectionActivity.h"

#include <algorithm>
#include <limits>

namespace anycast {

quint64 ConnectionActivity::unreadFor(quint32 ageMs) const
{
    return static_cast<quint64>(std::count_if(unreadAgesMs.begin(), unreadAgesMs.end(),
                                              [ageMs](quint32 age) { return age >= ageMs; }));
}

QJsonObject ConnectionActivity::toJson() const
{
    QJsonArray ages;
    for (const quint32 age : unreadAgesMs)
        ages.append(jsonUnsigned(age));
    return {
        {QStringLiteral("service"), service},
        {QStringLiteral("available"), available},
        {QStringLiteral("waiting"), jsonUnsigned(waiting)},
        {QStringLiteral("oldest_waiting_ms"), jsonUnsigned(oldestWaitingMs)},
        {QStringLiteral("accepted_from_waiting"), jsonUnsigned(acceptedFromWaiting)},
        {QStringLiteral("unread"), jsonUnsigned(unread)},
        {QStringLiteral("unread_ages_ms"), ages},
    };
}

ConnectionActivity ConnectionActivity::fromJson(JsonReader &reader)
{
    constexpr quint64 maxU32 = std::numeric_limits<quint32>::max();
    ConnectionActivity result;
    result.service = reader.string(QStringLiteral("service"));
    result.available = reader.boolean(QStringLiteral("available"));
    result.waiting = reader.unsignedInteger(QStringLiteral("waiting"));
    result.oldestWaitingMs =
        static_cast<quint32>(reader.unsignedInteger(QStringLiteral("oldest_waiting_ms"), maxU32));
    result.acceptedFromWaiting = reader.unsignedInteger(QStringLiteral("accepted_from_waiting"));
    result.unread = reader.unsignedInteger(QStringLiteral("unread"));
    const QString agesKey = QStringLiteral("unread_ages_ms");
    const QJsonArray ages = reader.array(agesKey);
    if (ages.size() > kMaxUnreadAges)
        reader.fail(agesKey, QStringLiteral("at most %1 entries").arg(kMaxUnreadAges));
    for (qsizetype i = 0; i < ages.size() && i < kMaxUnreadAges && reader.ok(); ++i)
        result.unreadAgesMs.append(
            static_cast<quint32>(reader.unsignedElement(ages, i, agesKey, maxU32)));
    reader.rejectUnknownKeys();
    return result;
}

} // namespace anycast
