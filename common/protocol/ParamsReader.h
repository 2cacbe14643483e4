#pragma once

#include "common/protocol/RpcError.h"

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace anycast {

// Reads a method's params with errors a client can act on: -32602 naming the parameter in
// the message and in data ({"parameter": "reason"}). The first error wins; later reads
// return nothing. Leaving a parameter out is the only way to ask for its default: present and
// null is an error, so that `"service": null` can never mean "the whole node".
class ParamsReader
{
public:
    explicit ParamsReader(QJsonObject params);

    std::optional<QString> optionalString(const QString &key, qsizetype maxLength);
    // Operator text (textParameterProblem's rule: not empty, blank or padded, no control
    // characters, at most maxLength long), returned exactly as sent. Absent is nullopt.
    std::optional<QString> optionalText(const QString &key, qsizetype maxLength);
    // As optionalText(), and absent is an error.
    QString requiredText(const QString &key, qsizetype maxLength);
    std::optional<bool> optionalBool(const QString &key);
    // An exact integer in [minimum, maximum]: 3.0 is 3, 3.5 is an error.
    std::optional<qint64> optionalInteger(const QString &key, qint64 minimum, qint64 maximum);
    std::optional<QString> optionalEnum(const QString &key, const QStringList &allowed);
    // An array of at most maxCount strings, each at most maxLength long; absent is empty.
    QStringList stringList(const QString &key, qsizetype maxCount, qsizetype maxLength);

    // Reports the first parameter (in key order) that no read above asked for.
    void rejectUnknown();
    void fail(const QString &key, const QString &problem);

    bool ok() const { return !m_error.has_value(); }
    // Only meaningful when !ok().
    RpcError error() const { return m_error.value_or(RpcError{}); }

private:
    // The value when present and no error came before (null is an error); marks the key as
    // known.
    std::optional<QJsonValue> take(const QString &key);
    // The parameter as a string; absent, null or not a string is nullopt (the last two after
    // fail()).
    std::optional<QString> takeString(const QString &key);

    QJsonObject m_params;
    QSet<QString> m_known;
    std::optional<RpcError> m_error;
};

} // namespace anycast
