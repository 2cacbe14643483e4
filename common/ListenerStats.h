#pragma once

#include "common/JsonReader.h"

#include <QList>

#include <optional>

namespace anycast {

// One LISTEN socket: where it listens and how full its accept queue is.
struct ListenerStats
{
    QString address; // "0.0.0.0", "::", "127.0.0.1", as the kernel reports it
    quint16 port = 0;
    quint32 acceptQueue = 0; // connections completed but not yet accept()ed
    // The queue's maximum (listen() backlog, capped by somaxconn). sock_diag reports it;
    // /proc/net/tcp does not, so the /proc fallback leaves it unknown.
    std::optional<quint32> backlog;

    QJsonObject toJson() const;
    static ListenerStats fromJson(JsonReader &reader);

    bool operator==(const ListenerStats &) const = default;
};

// The order every sampler lists a service's listeners in: by port, then address. The kernel
// hands them out in hash order, which means nothing to a reader.
void sortListeners(QList<ListenerStats> &listeners);

} // namespace anycast
