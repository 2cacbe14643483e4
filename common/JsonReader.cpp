#include "common/JsonReader.h"

#include <algorithm>
#include <cmath>

namespace anycast {

namespace {

QString joined(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexed(const QString &path, qsizetype index)
{
    return index < 0 ? path : path + QStringLiteral("[%1]").arg(index);
}

} // namespace

JsonReader::JsonReader(QJsonObject object, QString path)
    : JsonReader(std::move(object), nullptr, std::move(path), -1, std::make_shared<Shared>())
{}

JsonReader::JsonReader(QJsonObject object, std::shared_ptr<const PathLink> parent, QString key,
                       qsizetype index, std::shared_ptr<Shared> shared)
    : m_object(std::move(object))
    , m_parent(std::move(parent))
    , m_key(std::move(key))
    , m_index(index)
    , m_shared(std::move(shared))
{}

const std::shared_ptr<const JsonReader::PathLink> &JsonReader::link() const
{
    if (!m_link)
        m_link = std::make_shared<const PathLink>(PathLink{m_parent, m_key, m_index});
    return m_link;
}

QString JsonReader::path() const
{
    // The chain is walked from this reader up, then spelled out from the root down.
    QList<const PathLink *> chain;
    for (const PathLink *at = m_parent.get(); at; at = at->parent.get())
        chain.prepend(at);
    QString text;
    bool root = true;
    const auto append = [&](const QString &key, qsizetype index) {
        text = indexed(root ? key : joined(text, key), index);
        root = false;
    };
    for (const PathLink *at : chain)
        append(at->key, at->index);
    append(m_key, m_index);
    return text;
}

QString JsonReader::pathOf(const QString &key) const
{
    return joined(path(), key);
}

void JsonReader::markSeen(const QString &key)
{
    if (std::find(m_seen.begin(), m_seen.end(), key) == m_seen.end())
        m_seen.append(key);
}

void JsonReader::fail(const QString &key, const QString &message)
{
    if (m_shared->error.isEmpty())
        m_shared->error = pathOf(key) + QStringLiteral(": ") + message;
}

QJsonValue JsonReader::take(const QString &key)
{
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        fail(key, QStringLiteral("missing"));
        return QJsonValue(QJsonValue::Undefined);
    }
    markSeen(key);
    return *it;
}

std::optional<quint64> JsonReader::toUnsigned(const QJsonValue &value, quint64 maximum) const
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= 0) || std::floor(number) != number || number > static_cast<double>(maximum))
        return std::nullopt;
    return static_cast<quint64>(number);
}

QString JsonReader::string(const QString &key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return {};
    if (!value.isString()) {
        fail(key, QStringLiteral("expected a string"));
        return {};
    }
    return value.toString();
}

bool JsonReader::boolean(const QString &key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return false;
    if (!value.isBool()) {
        fail(key, QStringLiteral("expected true or false"));
        return false;
    }
    return value.toBool();
}

double JsonReader::number(const QString &key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return 0;
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        fail(key, QStringLiteral("expected a number"));
        return 0;
    }
    return value.toDouble();
}

qint64 JsonReader::integer(const QString &key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return 0;
    const double number = value.toDouble();
    const double limit = static_cast<double>(kMaxExactInteger);
    if (!value.isDouble() || std::floor(number) != number || number > limit || number < -limit) {
        fail(key, QStringLiteral("expected an integer"));
        return 0;
    }
    return static_cast<qint64>(number);
}

quint64 JsonReader::unsignedInteger(const QString &key, quint64 maximum)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return 0;
    const auto result = toUnsigned(value, maximum);
    if (!result) {
        fail(key, QStringLiteral("expected an integer from 0 to %1").arg(maximum));
        return 0;
    }
    return *result;
}

std::optional<quint64> JsonReader::nullableUnsigned(const QString &key, quint64 maximum)
{
    const QJsonValue value = take(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const auto result = toUnsigned(value, maximum);
    if (!result)
        fail(key, QStringLiteral("expected null or an integer from 0 to %1").arg(maximum));
    return result;
}

std::optional<QString> JsonReader::nullableString(const QString &key)
{
    if (m_object.value(key).isNull()) {
        markSeen(key);
        return std::nullopt;
    }
    const QString value = string(key);
    return ok() ? std::optional<QString>(value) : std::nullopt;
}

std::optional<double> JsonReader::nullableNumber(const QString &key)
{
    if (m_object.value(key).isNull()) {
        markSeen(key);
        return std::nullopt;
    }
    const double value = number(key);
    return ok() ? std::optional<double>(value) : std::nullopt;
}

std::optional<QJsonArray> JsonReader::nullableArray(const QString &key)
{
    if (m_object.value(key).isNull()) {
        markSeen(key);
        return std::nullopt;
    }
    const QJsonArray value = array(key);
    return ok() ? std::optional<QJsonArray>(value) : std::nullopt;
}

QJsonArray JsonReader::array(const QString &key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return {};
    if (!value.isArray()) {
        fail(key, QStringLiteral("expected an array"));
        return {};
    }
    return value.toArray();
}

QJsonObject JsonReader::object(const QString &key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return {};
    if (!value.isObject()) {
        fail(key, QStringLiteral("expected an object"));
        return {};
    }
    return value.toObject();
}

JsonReader JsonReader::child(const QString &key)
{
    return JsonReader(object(key), link(), key, -1, m_shared);
}

JsonReader JsonReader::element(const QJsonArray &array, qsizetype index, const QString &arrayKey)
{
    const QJsonValue value = array.at(index);
    if (!value.isObject() && m_shared->error.isEmpty())
        m_shared->error = indexed(pathOf(arrayKey), index) + QStringLiteral(": expected an object");
    return JsonReader(value.toObject(), link(), arrayKey, index, m_shared);
}

quint64 JsonReader::unsignedElement(const QJsonArray &array, qsizetype index,
                                    const QString &arrayKey, quint64 maximum)
{
    const auto result = toUnsigned(array.at(index), maximum);
    if (!result && m_shared->error.isEmpty()) {
        m_shared->error =
            pathOf(arrayKey) +
            QStringLiteral("[%1]: expected an integer from 0 to %2").arg(index).arg(maximum);
    }
    return result.value_or(0);
}

QString JsonReader::stringElement(const QJsonArray &array, qsizetype index, const QString &arrayKey)
{
    const QJsonValue value = array.at(index);
    if (!value.isString() && m_shared->error.isEmpty())
        m_shared->error = pathOf(arrayKey) + QStringLiteral("[%1]: expected a string").arg(index);
    return value.toString();
}

void JsonReader::rejectUnknownKeys()
{
    if (m_shared->unknownKeys == UnknownKeys::Tolerant || m_seen.size() == m_object.size())
        return;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (std::find(m_seen.begin(), m_seen.end(), it.key()) == m_seen.end()) {
            fail(it.key(), QStringLiteral("unknown key"));
            return;
        }
    }
}

QJsonValue jsonUnsigned(quint64 value)
{
    return QJsonValue(static_cast<double>(value));
}

} // namespace anycast
