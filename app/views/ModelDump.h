#pragma once

#include <QJsonObject>

class QAbstractItemModel;

namespace anycast {

// What the console's models hold, as JSON, for checks from outside the process (the lab's
// integration test): read through the models' roles, as the views read them.
//   {"nodes": [{"endpoint", "name", "region", "connected"}],
//    "prefixes": {"<prefix>": {"<node>": "announced" | "degraded" | "draining" |
//                                         "withdrawn" | "unknown"}}}
// The route words are the agent's own, so that the dump compares with its status directly.
class ModelDump
{
public:
    static QJsonObject of(const QAbstractItemModel &fleetModel,
                          const QAbstractItemModel &prefixModel);
};

} // namespace anycast
