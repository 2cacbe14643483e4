#include "common/HostCounters.h"

namespace anycast {

QJsonObject SockStat::toJson() const
{
    return {
        {QStringLiteral("inuse"), jsonUnsigned(inUse)},
        {QStringLiteral("orphan"), jsonUnsigned(orphan)},
        {QStringLiteral("tw"), jsonUnsigned(timeWait)},
        {QStringLiteral("alloc"), jsonUnsigned(allocated)},
        {QStringLiteral("mem"), jsonUnsigned(memoryPages)},
    };
}

SockStat SockStat::fromJson(JsonReader &reader)
{
    SockStat result;
    result.inUse = reader.unsignedInteger(QStringLiteral("inuse"));
    result.orphan = reader.unsignedInteger(QStringLiteral("orphan"));
    result.timeWait = reader.unsignedInteger(QStringLiteral("tw"));
    result.allocated = reader.unsignedInteger(QStringLiteral("alloc"));
    result.memoryPages = reader.unsignedInteger(QStringLiteral("mem"));
    reader.rejectUnknownKeys();
    return result;
}

QJsonObject HostCounters::toJson() const
{
    QJsonObject counterJson;
    for (auto it = counters.constBegin(); it != counters.constEnd(); ++it)
        counterJson.insert(it.key(), jsonUnsigned(it.value()));
    QJsonObject rateJson;
    for (auto it = ratesPerSecond.constBegin(); it != ratesPerSecond.constEnd(); ++it)
        rateJson.insert(it.key(), it.value());
    return {
        {QStringLiteral("counters"), counterJson},
        {QStringLiteral("rates_per_second"), rateJson},
        {QStringLiteral("sockstat"), sockstat.toJson()},
    };
}

HostCounters HostCounters::fromJson(JsonReader &reader)
{
    HostCounters result;
    JsonReader counters = reader.child(QStringLiteral("counters"));
    const QJsonObject counterJson = reader.object(QStringLiteral("counters"));
    for (auto it = counterJson.constBegin(); it != counterJson.constEnd(); ++it)
        result.counters.insert(it.key(), counters.unsignedInteger(it.key()));
    JsonReader rates = reader.child(QStringLiteral("rates_per_second"));
    const QJsonObject rateJson = reader.object(QStringLiteral("rates_per_second"));
    for (auto it = rateJson.constBegin(); it != rateJson.constEnd(); ++it)
        result.ratesPerSecond.insert(it.key(), rates.number(it.key()));
    JsonReader sockstat = reader.child(QStringLiteral("sockstat"));
    result.sockstat = SockStat::fromJson(sockstat);
    reader.rejectUnknownKeys();
    return result;
}

} // namespace anycast
