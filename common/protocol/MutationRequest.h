#pragma once

#include "protocol/DrainRecord.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace anycast {

// The params of `drain`. No service means the whole node, and only the absence of the key
// says so: the agent refuses an empty or blank name rather than reading it as "all".
struct DrainRequest
{
    std::optional<QString> service;
    QString reason;
    QString ticket; // empty: none
    DrainMode mode = DrainMode::Graceful;
    bool force = false; // override the fleet guard (min_announcing); audited

    QJsonObject toParams() const;
};

// The params of `undrain`.
struct UndrainRequest
{
    std::optional<QString> service;
    QString reason;
    QString ticket;

    QJsonObject toParams() const;
};

} // namespace anycast
