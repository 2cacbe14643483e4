#pragma once

#include "agent/support/SteadyTime.h"

#include <QtGlobal>

namespace anycast {

// When leading signals turn a service degraded. The defaults aim to catch a filling accept
// queue well before it overflows (half full is already abnormal for a service that keeps
// up: a healthy accept loop keeps the queue near empty) and to ignore the noise of a quiet
// host. All are configurable per service ([service.thresholds]).
struct HealthThresholds
{
    double acceptQueueRatio = 0.5;       // any listener's queue at this share of its backlog
    quint64 acceptQueueDepth = 0;        // or this many waiting (0 = off; for /proc, no backlog)
    quint64 synRecv = 512;               // half-open connections on the service ports
    double synRecvGrowthPerSecond = 100; // SYN_RECV rising this fast
    // TcpExt ListenOverflows/ListenDrops, host-wide; counted only when this service's own
    // listeners show the cause (SignalEvaluator).
    double listenDropsPerSecond = 1;
    double retransmitRatio = 0.05;       // this service's retransmitted share of segments in flight
    quint64 retransmitMinInFlight = 100; // ... once at least this many segments are in flight
    quint64 closeWait = 1024;            // CLOSE_WAIT sockets: the service is not closing
    double closeWaitGrowthPerSecond = 20; // CLOSE_WAIT rising this fast

    // Hangs, judged as they happen (the fast path, the connection watch) rather than after
    // `fall` checks: each carries its own window, so one reading already means it lasted.
    // A queue holding connections and never draining for this long: degraded at once ...
    Milliseconds acceptStall{200};
    // ... and for this long: down at once (withdrawn). 0 turns either off.
    Milliseconds acceptStallWithdraw{2000};
    // Accepted connections whose bytes have waited unread this long ...
    Milliseconds unreadAge{200};
    quint64 unreadConnections = 1; // ... at least this many: degraded at once (0 = off)
    // Accepted connections whose request was read and not answered for this long ...
    Milliseconds unansweredAge{1000};
    // ... or for less, down to this, once the service's own answers show it is fast
    // (AnswerTimeLearner: four times its slowest answer in ten minutes). Equal to
    // unansweredAge: the fixed bound alone.
    Milliseconds unansweredAgeMin{200};
    // ... at least this many: degraded at once (0 = off). More than one, so that a single
    // long-poll or a client that sends without waiting for an answer is not a hang.
    quint64 unansweredConnections = 2;

    bool operator==(const HealthThresholds &) const = default;
};

} // namespace anycast
