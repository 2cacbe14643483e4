#pragma once

#include "Result.h"

#include <QByteArrayView>
#include <QJsonDocument>

namespace anycast {

// Provisional: JSON text parsed with Qt's parser. Replaced by the strict parser.
Result<QJsonDocument> parseStrictJson(QByteArrayView text);

} // namespace anycast
