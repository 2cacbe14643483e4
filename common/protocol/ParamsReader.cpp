#include "common/protocol/ParamsReader.h"

#include "common/protocol/TextParameter.h"

#include <QJsonArray>

#include <limits>

namespace anycast {
namespace {

// Parameter names are quoted in errors, shortened to this many characters.
constexpr qsizetype kMaxQuotedNameLength = 64;

QString shortened(const QString &name)
{
    return name.size() <= kMaxQuotedNameLength
               ? name
               : name.left(kMaxQuotedNameLength) + QStringLiteral("...");
}

std::optional<qint64> exactInteger(const QJsonValue &value)
{
    // toInteger() takes whole numbers only (3.0 is 3; 3.5 and 1e300 are not). Beyond 2^53 a
    // client that reads numbers as doubles would not hold the number read here.
    constexpr qint64 kNotInteger = std::numeric_limits<qint64>::min();
    constexpr qint64 kMaxExact = qint64(1) << 53;
    const qint64 number = value.toInteger(kNotInteger);
    if (!value.isDouble() || number == kNotInteger || number < -kMaxExact || number > kMaxExact)
        return std::nullopt;
    return number;
}

} // namespace

ParamsReader::ParamsReader(QJsonObject params)
    : m_params(std::move(params))
{}

void ParamsReader::fail(const QString &key, const QString &problem)
{
    if (m_error)
        return;
    const QString name = shortened(key);
    m_error = RpcError{kInvalidParams, QStringLiteral("%1: %2").arg(name, problem),
                       QJsonObject{{QStringLiteral("parameter"), name}}};
}

std::optional<QJsonValue> ParamsReader::take(const QString &key)
{
    m_known.insert(key);
    if (m_error)
        return std::nullopt;
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (value.isNull()) {
        fail(key, QStringLiteral("null is not a value (leave the parameter out instead)"));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> ParamsReader::takeString(const QString &key)
{
    const auto value = take(key);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        fail(key, QStringLiteral("expected a string"));
        return std::nullopt;
    }
    return value->toString();
}

std::optional<QString> ParamsReader::optionalString(const QString &key, qsizetype maxLength)
{
    const auto taken = takeString(key);
    if (!taken)
        return std::nullopt;
    const QString &text = *taken;
    if (text.size() > maxLength) {
        fail(key, QStringLiteral("longer than %1 characters").arg(maxLength));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> ParamsReader::optionalText(const QString &key, qsizetype maxLength)
{
    const auto taken = takeString(key);
    if (!taken)
        return std::nullopt;
    const QString &text = *taken;
    if (const auto problem = textParameterProblem(text, maxLength)) {
        fail(key, *problem);
        return std::nullopt;
    }
    return text;
}

QString ParamsReader::requiredText(const QString &key, qsizetype maxLength)
{
    const bool present = m_params.contains(key);
    const auto text = optionalText(key, maxLength);
    if (!present)
        fail(key, QStringLiteral("required"));
    return text.value_or(QString());
}

std::optional<bool> ParamsReader::optionalBool(const QString &key)
{
    const auto value = take(key);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        fail(key, QStringLiteral("expected true or false"));
        return std::nullopt;
    }
    return value->toBool();
}

std::optional<qint64> ParamsReader::optionalInteger(const QString &key, qint64 minimum,
                                                    qint64 maximum)
{
    const auto value = take(key);
    if (!value)
        return std::nullopt;
    const auto integer = exactInteger(*value);
    if (!integer || *integer < minimum || *integer > maximum) {
        fail(key, QStringLiteral("expected an integer from %1 to %2").arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return integer;
}

std::optional<QString> ParamsReader::optionalEnum(const QString &key, const QStringList &allowed)
{
    const auto value = take(key);
    if (!value)
        return std::nullopt;
    if (!value->isString() || !allowed.contains(value->toString())) {
        fail(key, QStringLiteral("expected one of: %1").arg(allowed.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return value->toString();
}

QStringList ParamsReader::stringList(const QString &key, qsizetype maxCount, qsizetype maxLength)
{
    const auto value = take(key);
    if (!value)
        return {};
    if (!value->isArray()) {
        fail(key, QStringLiteral("expected an array of strings"));
        return {};
    }
    const QJsonArray array = value->toArray();
    if (array.size() > maxCount) {
        fail(key, QStringLiteral("more than %1 elements").arg(maxCount));
        return {};
    }
    QStringList strings;
    strings.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        if (!element.isString()) {
            fail(key, QStringLiteral("element %1: expected a string").arg(i));
            return {};
        }
        if (element.toString().size() > maxLength) {
            fail(key,
                 QStringLiteral("element %1: longer than %2 characters").arg(i).arg(maxLength));
            return {};
        }
        strings.append(element.toString());
    }
    return strings;
}

void ParamsReader::rejectUnknown()
{
    for (auto it = m_params.constBegin(); it != m_params.constEnd(); ++it) {
        if (!m_known.contains(it.key())) {
            fail(it.key(), QStringLiteral("unknown parameter"));
            return;
        }
    }
}

} // namespace anycast
