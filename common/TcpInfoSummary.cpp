#include "common/TcpInfoSummary.h"

#include <limits>

namespace anycast {

QJsonObject TcpInfoSummary::toJson() const
{
    return {
        {QStringLiteral("available"), available},
        {QStringLiteral("sockets"), jsonUnsigned(sockets)},
        {QStringLiteral("retransmitting"), jsonUnsigned(retransmitting)},
        {QStringLiteral("retransmits"), jsonUnsigned(retransmits)},
        {QStringLiteral("total_retransmits"), jsonUnsigned(totalRetransmits)},
        {QStringLiteral("lost"), jsonUnsigned(lost)},
        {QStringLiteral("unacked"), jsonUnsigned(unacked)},
        {QStringLiteral("retransmitted_in_flight"), jsonUnsigned(retransmittedInFlight)},
        {QStringLiteral("rtt_median_us"), jsonUnsigned(rttMedianUs)},
        {QStringLiteral("rtt_max_us"), jsonUnsigned(rttMaxUs)},
    };
}

TcpInfoSummary TcpInfoSummary::fromJson(JsonReader &reader)
{
    constexpr quint64 maxU32 = std::numeric_limits<quint32>::max();
    TcpInfoSummary result;
    result.available = reader.boolean(QStringLiteral("available"));
    result.sockets = reader.unsignedInteger(QStringLiteral("sockets"));
    result.retransmitting = reader.unsignedInteger(QStringLiteral("retransmitting"));
    result.retransmits = reader.unsignedInteger(QStringLiteral("retransmits"));
    result.totalRetransmits = reader.unsignedInteger(QStringLiteral("total_retransmits"));
    result.lost = reader.unsignedInteger(QStringLiteral("lost"));
    result.unacked = reader.unsignedInteger(QStringLiteral("unacked"));
    result.retransmittedInFlight =
        reader.unsignedInteger(QStringLiteral("retransmitted_in_flight"));
    result.rttMedianUs =
        static_cast<quint32>(reader.unsignedInteger(QStringLiteral("rtt_median_us"), maxU32));
    result.rttMaxUs =
        static_cast<quint32>(reader.unsignedInteger(QStringLiteral("rtt_max_us"), maxU32));
    reader.rejectUnknownKeys();
    return result;
}

} // namespace anycast
