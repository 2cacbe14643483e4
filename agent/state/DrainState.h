#pragma once

#include "common/protocol/DrainRecord.h"

#include <QList>
#include <QMap>

#include <optional>

namespace anycast {

// Every drain in force, at most one per target. File format:
// {"version": 1, "drains": [DrainRecord...]}, drains ordered by target (node first).
class DrainState final
{
public:
    static constexpr quint64 kVersion = 1;

    // Replaces any drain of the same target.
    void set(const DrainRecord &record);
    // False when the target was not drained.
    bool remove(const QString &target);
    std::optional<DrainRecord> find(const QString &target) const;
    std::optional<DrainRecord> nodeDrain() const;
    std::optional<DrainRecord> serviceDrain(const QString &name) const;
    // The drain that applies to a service: the node's drain wins over the service's own, so
    // undraining a service never brings it back on a node that is drained as a whole.
    std::optional<DrainRecord> effectiveFor(const QString &service) const;

    QList<DrainRecord> records() const { return m_drains.values(); }
    bool isEmpty() const { return m_drains.isEmpty(); }

    QJsonObject toJson() const;
    static DrainState fromJson(JsonReader &reader);

    bool operator==(const DrainState &) const = default;

private:
    QMap<QString, DrainRecord> m_drains;
};

} // namespace anycast
