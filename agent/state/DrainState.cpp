#include "agent/state/DrainState.h"

#include <QJsonArray>

namespace anycast {

void DrainState::set(const DrainRecord &record)
{
    m_drains.insert(record.target, record);
}

bool DrainState::remove(const QString &target)
{
    return m_drains.remove(target) > 0;
}

std::optional<DrainRecord> DrainState::find(const QString &target) const
{
    const auto it = m_drains.constFind(target);
    if (it == m_drains.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<DrainRecord> DrainState::nodeDrain() const
{
    return find(QString());
}

std::optional<DrainRecord> DrainState::serviceDrain(const QString &name) const
{
    if (name.isEmpty())
        return std::nullopt;
    return find(name);
}

std::optional<DrainRecord> DrainState::effectiveFor(const QString &service) const
{
    if (auto node = nodeDrain())
        return node;
    return serviceDrain(service);
}

QJsonObject DrainState::toJson() const
{
    QJsonArray drains;
    for (const DrainRecord &record : m_drains)
        drains.append(record.toJson());
    return {
        {QStringLiteral("version"), jsonUnsigned(kVersion)},
        {QStringLiteral("drains"), drains},
    };
}

DrainState DrainState::fromJson(JsonReader &reader)
{
    DrainState result;
    const QString versionKey = QStringLiteral("version");
    const quint64 version = reader.unsignedInteger(versionKey);
    if (reader.ok() && version != kVersion) {
        reader.fail(versionKey, QStringLiteral("unsupported version %1 (this agent reads "
                                               "version %2)")
                                    .arg(version)
                                    .arg(kVersion));
        return result;
    }
    const QString drainsKey = QStringLiteral("drains");
    const QJsonArray drains = reader.array(drainsKey);
    for (qsizetype i = 0; i < drains.size() && reader.ok(); ++i) {
        JsonReader element = reader.element(drains, i, drainsKey);
        const DrainRecord record = DrainRecord::fromJson(element);
        if (reader.ok() && result.m_drains.contains(record.target)) {
            // Two records for one target: which one holds is anyone's guess, so refuse both.
            reader.fail(QStringLiteral("%1[%2].target").arg(drainsKey).arg(i),
                        QStringLiteral("\"%1\" is drained twice").arg(record.target));
        }
        result.set(record);
    }
    reader.rejectUnknownKeys();
    return result;
}

} // namespace anycast
