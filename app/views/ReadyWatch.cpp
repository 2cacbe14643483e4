#include "app/views/ReadyWatch.h"

#include "app/models/FleetState.h"

namespace anycast {

ReadyWatch::ReadyWatch(const FleetState *fleet, int wanted, std::chrono::milliseconds deadline,
                       QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_wanted(wanted)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(deadline);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(m_wanted == 0); });
}

void ReadyWatch::start()
{
    if (m_wanted > 0) {
        connect(m_fleet, &FleetState::nodeChanged, this, &ReadyWatch::check);
        connect(m_fleet, &FleetState::nodeAdded, this, &ReadyWatch::check);
    }
    m_deadline.start();
    if (m_wanted > 0)
        check();
}

int ReadyWatch::reporting() const
{
    int count = 0;
    for (const QString &endpoint : m_fleet->endpoints()) {
        const NodeSnapshot *node = m_fleet->node(endpoint);
        if (node->reachable() && node->hello)
            ++count;
    }
    return count;
}

void ReadyWatch::check()
{
    if (reporting() >= m_wanted)
        finish(true);
}

void ReadyWatch::finish(bool reached)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    disconnect(m_fleet, nullptr, this, nullptr);
    emit finished(reached);
}

} // namespace anycast
