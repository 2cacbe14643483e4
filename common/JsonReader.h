#pragma once

#include "common/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <memory>
#include <optional>

namespace anycast {

// Strict reader for the shared value types: every key must be present with the right type,
// integers must be exact, unknown keys are errors. The first error wins and carries the path
// to the offending value ("services[0].states.LISTEN: expected a non-negative integer"), so
// a peer that sends something odd is told exactly what.
class JsonReader
{
public:
    explicit JsonReader(QJsonObject object, QString path = {});

    // What a reader does with keys no accessor asked for. Strict (the default) reports the
    // first; Tolerant ignores them, for documents from peers that may run a newer version
    // (the fleet poller reading another agent's /status). Types and required keys are
    // checked either way. Children made afterwards share the setting.
    enum class UnknownKeys
    {
        Strict,
        Tolerant
    };
    void setUnknownKeys(UnknownKeys policy) { m_shared->unknownKeys = policy; }

    QString string(const QString &key);
    bool boolean(const QString &key);
    double number(const QString &key);
    qint64 integer(const QString &key);
    quint64 unsignedInteger(const QString &key, quint64 maximum = kMaxExactInteger);
    // Present and null reads as nullopt; absent is still an error.
    std::optional<quint64> nullableUnsigned(const QString &key, quint64 maximum = kMaxExactInteger);
    std::optional<QString> nullableString(const QString &key);
    std::optional<double> nullableNumber(const QString &key);
    QJsonArray array(const QString &key);
    // Present and null reads as nullopt; absent is still an error.
    std::optional<QJsonArray> nullableArray(const QString &key);
    QJsonObject object(const QString &key);

    // A reader for a nested object; errors land in this reader's error state.
    JsonReader child(const QString &key);
    JsonReader element(const QJsonArray &array, qsizetype index, const QString &arrayKey);
    quint64 unsignedElement(const QJsonArray &array, qsizetype index, const QString &arrayKey,
                            quint64 maximum = kMaxExactInteger);
    QString stringElement(const QJsonArray &array, qsizetype index, const QString &arrayKey);

    // Whether an optional key is present (null counts as present). Reading it is still up to
    // the caller; asking marks nothing as seen.
    bool has(const QString &key) const { return m_object.contains(key); }
    // Every key of the object, for maps keyed by data (e.g. neighbor addresses).
    QStringList keys() const { return m_object.keys(); }

    // Reports the first key that no accessor asked for (unless the policy is Tolerant).
    void rejectUnknownKeys();
    void fail(const QString &key, const QString &message);

    bool ok() const { return m_shared->error.isEmpty(); }
    QString error() const { return m_shared->error; }

    // 2^53: the largest integer a JSON number (an IEEE double) holds exactly.
    static constexpr quint64 kMaxExactInteger = 9007199254740992ULL;

private:
    // What a reader and all its children share: the first error and the unknown-key policy.
    struct Shared
    {
        QString error;
        UnknownKeys unknownKeys = UnknownKeys::Strict;
    };

    // Where a reader sits in the document: its parent's place, then a key and, for an array
    // element, an index. Paths are only spelled out for an error, so reading a document
    // builds no path strings; a link is allocated only for a reader that has children.
    struct PathLink
    {
        std::shared_ptr<const PathLink> parent;
        QString key;          // the root's whole path, or a key under the parent
        qsizetype index = -1; // an array element's index
    };

    JsonReader(QJsonObject object, std::shared_ptr<const PathLink> parent, QString key,
               qsizetype index, std::shared_ptr<Shared> shared);
    QJsonValue take(const QString &key);
    // The key counts as read (it is present in the object).
    void markSeen(const QString &key);
    QString path() const;
    QString pathOf(const QString &key) const;
    const std::shared_ptr<const PathLink> &link() const;
    std::optional<quint64> toUnsigned(const QJsonValue &value, quint64 maximum) const;

    QJsonObject m_object;
    // This reader's place: its parent's link, its key and index; m_link once a child asks.
    std::shared_ptr<const PathLink> m_parent;
    QString m_key;
    qsizetype m_index = -1;
    mutable std::shared_ptr<const PathLink> m_link;
    // The present keys read so far: objects have a few keys, so a short list beats a hash.
    QVarLengthArray<QString, 24> m_seen;
    std::shared_ptr<Shared> m_shared;
};

// A whole object (a reply's result, an HTTP body) read strictly as a T (with a static
// T::fromJson(JsonReader &)): the value, or the first error with its path.
template <typename T>
Result<T> readObject(const QJsonObject &object,
                     JsonReader::UnknownKeys unknownKeys = JsonReader::UnknownKeys::Strict)
{
    JsonReader reader(object);
    reader.setUnknownKeys(unknownKeys);
    T value = T::fromJson(reader);
    if (!reader.ok())
        return Result<T>::failure(reader.error());
    return Result<T>::success(std::move(value));
}

// Exact JSON number for a counter: doubles hold integers exactly up to 2^53.
QJsonValue jsonUnsigned(quint64 value);

} // namespace anycast
