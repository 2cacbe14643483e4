#include "StrictJson.h"

#include <QJsonParseError>

namespace anycast {

Result<QJsonDocument> parseStrictJson(QByteArrayView text)
{
    QJsonParseError error{};
    QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return Result<QJsonDocument>::failure(
            QStringLiteral("at byte %1: %2").arg(error.offset).arg(error.errorString()));
    return Result<QJsonDocument>::success(std::move(document));
}

} // namespace anycast
