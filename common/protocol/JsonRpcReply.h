#pragma once

#include "common/protocol/RpcError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace anycast {

// Reply and notification lines: compact JSON (which never holds a raw newline) and '\n'.
// An undefined id is sent as null.
QByteArray resultLine(const QJsonValue &id, const QJsonValue &result);
// A result serialized by its producer, for replies too large to build as one QJsonObject
// first (the API's `history`: objects cost about eight times their compact text).
struct SerializedJson
{
    QByteArray text; // one compact JSON value, no newline
};
// What goes around such a result to make the reply line: head + result.text + tail. The
// server writes the three pieces one after the other, so the large result is never copied.
struct ResultFrame
{
    QByteArray head;
    QByteArray tail;
};
ResultFrame resultFrame(const QJsonValue &id);
QByteArray errorLine(const QJsonValue &id, const RpcError &error);
QByteArray notificationLine(const QString &method, const QJsonObject &params);

} // namespace anycast
