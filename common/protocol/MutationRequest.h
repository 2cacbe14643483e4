#pragma once

#include "common/protocol/DrainRecord.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace anycast {

// What `drain` and `undrain` share. No service means the whole node, and only the absence of
// the key says so: the agent refuses an empty or blank name rather than reading it as "all".
struct OperatorRequest
{
    std::optional<QString> service;
    QString reason;
    QString ticket; // empty: none

    // The drain state's key: "" for the whole node, else the service's name.
    QString target() const { return service.value_or(QString()); }
};

// The params of `drain`.
struct DrainRequest : OperatorRequest
{
    DrainMode mode = DrainMode::Graceful;
    bool force = false; // override the fleet guard (min_announcing); audited

    QJsonObject toParams() const;
};

// The params of `undrain`.
struct UndrainRequest : OperatorRequest
{
    QJsonObject toParams() const;
};

} // namespace anycast
