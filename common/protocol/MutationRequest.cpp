#include "common/protocol/MutationRequest.h"

namespace anycast {
namespace {

QJsonObject commonParams(const OperatorRequest &request)
{
    QJsonObject params{{QStringLiteral("reason"), request.reason}};
    if (request.service)
        params.insert(QStringLiteral("service"), *request.service);
    if (!request.ticket.isEmpty())
        params.insert(QStringLiteral("ticket"), request.ticket);
    return params;
}

} // namespace

QJsonObject DrainRequest::toParams() const
{
    QJsonObject params = commonParams(*this);
    params.insert(QStringLiteral("mode"), drainModeName(mode));
    if (force)
        params.insert(QStringLiteral("force"), true);
    return params;
}

QJsonObject UndrainRequest::toParams() const
{
    return commonParams(*this);
}

} // namespace anycast
