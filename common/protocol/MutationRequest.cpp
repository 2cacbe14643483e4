#include "protocol/MutationRequest.h"

namespace anycast {
namespace {

QJsonObject commonParams(const std::optional<QString> &service, const QString &reason,
                         const QString &ticket)
{
    QJsonObject params{{QStringLiteral("reason"), reason}};
    if (service)
        params.insert(QStringLiteral("service"), *service);
    if (!ticket.isEmpty())
        params.insert(QStringLiteral("ticket"), ticket);
    return params;
}

} // namespace

QJsonObject DrainRequest::toParams() const
{
    QJsonObject params = commonParams(service, reason, ticket);
    params.insert(QStringLiteral("mode"), drainModeName(mode));
    if (force)
        params.insert(QStringLiteral("force"), true);
    return params;
}

QJsonObject UndrainRequest::toParams() const
{
    return commonParams(service, reason, ticket);
}

} // namespace anycast
