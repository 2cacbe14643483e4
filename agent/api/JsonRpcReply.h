#pragma once

#include "JsonRpcError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace anycast {

// Reply and notification lines: compact JSON (which never holds a raw newline) and '\n'.
// An undefined id is sent as null.
QByteArray resultLine(const QJsonValue &id, const QJsonValue &result);
QByteArray errorLine(const QJsonValue &id, const RpcError &error);
QByteArray notificationLine(const QString &method, const QJsonObject &params);

} // namespace anycast
