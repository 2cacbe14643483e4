#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace anycast {

class FleetState;

// Waits until `wanted` nodes of the fleet are connected and have reported their status, or
// until the deadline, whichever comes first; then emits finished once. With wanted == 0 it
// waits for the deadline alone. For pictures and dumps taken of a fleet that is still
// connecting.
class ReadyWatch final : public QObject
{
    Q_OBJECT

public:
    ReadyWatch(const FleetState *fleet, int wanted, std::chrono::milliseconds deadline,
               QObject *parent = nullptr);

    void start();
    int reporting() const;
    int wanted() const { return m_wanted; }

signals:
    // `reached`: the wanted count was reached before the deadline.
    void finished(bool reached);

private:
    void check();
    void finish(bool reached);

    const FleetState *m_fleet;
    int m_wanted;
    QTimer m_deadline;
    bool m_done = false;
};

} // namespace anycast
