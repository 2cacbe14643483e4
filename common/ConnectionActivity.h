#pragma once

#include "common/JsonReader.h"

#include <QList>

namespace anycast {

// What a service's connections say about the application behind its listener. sock_diag
// tells an accepted connection (a process holds it: it has an inode) from one still waiting
// in the accept queue (no inode yet), and reports the bytes nobody has read; tcp_info says
// for how long. Both the full sample and the connection watch fill it.
struct ConnectionActivity
{
    QString service;
    bool available = false;          // false where the source cannot tell (the /proc fallback)
    quint64 waiting = 0;             // completed connections not yet accept()ed
    quint32 oldestWaitingMs = 0;     // how long the oldest of them has waited
    quint64 acceptedFromWaiting = 0; // waiting at the previous look, accepted since
    quint64 unread = 0;              // accepted connections holding bytes nobody has read
    // How long each of those has held them, longest first; at most kMaxAgesKept.
    QList<quint32> unreadAgesMs;
    // Accepted connections whose request was read and never answered: data came, none was
    // sent. A service that stopped answering (a stuck worker, a dead backend) leaves them; so
    // do a long-poll and clients that send without waiting for an answer, hence a threshold.
    quint64 unanswered = 0;
    // How long each of those has waited since its last bytes arrived, longest first; at
    // most kMaxAgesKept.
    QList<quint32> unansweredAgesMs;
    quint64 answeredFromUnanswered = 0; // unanswered at the previous look, answered since
    // The longest wait, at the previous look, of those answered since: this service's
    // answers take at least this long (the health engine learns its pace from it).
    quint32 longestAnsweredWaitMs = 0;

    static constexpr qsizetype kMaxAgesKept = 32; // per list: unread, unanswered

    // Connections whose bytes have waited at least `ageMs` (counts only the listed ages).
    quint64 unreadFor(quint32 ageMs) const;
    // Connections left unanswered for at least `ageMs` (counts only the listed ages).
    quint64 unansweredFor(quint32 ageMs) const;

    QJsonObject toJson() const;
    static ConnectionActivity fromJson(JsonReader &reader);

    bool operator==(const ConnectionActivity &) const = default;
};

} // namespace anycast
