#include "agent/state/RefusalLimiter.h"

namespace anycast {

RefusalLimiter::RefusalLimiter(std::chrono::milliseconds window)
    : m_window(window)
{}

bool RefusalLimiter::admit(quint32 uid, const QString &who, const QString &action,
                           Clock::time_point now, const QDateTime &wallNow)
{
    const auto key = std::make_pair(uid, action);
    auto it = m_windows.find(key);
    if (it != m_windows.end() && now >= it->end) {
        // An ended window with nothing counted; one with counts waits for takeDue().
        if (it->summary.count == 0) {
            m_windows.erase(it);
            it = m_windows.end();
        }
    }
    if (it == m_windows.end()) {
        Window window;
        window.end = now + m_window;
        window.summary.uid = uid;
        window.summary.who = who;
        window.summary.action = action;
        m_windows.insert(key, window);
        return true;
    }
    Summary &summary = it->summary;
    if (summary.count == 0)
        summary.first = wallNow;
    summary.last = wallNow;
    ++summary.count;
    return false;
}

QList<RefusalLimiter::Summary> RefusalLimiter::takeDue(Clock::time_point now)
{
    QList<Summary> due;
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (now < it->end) {
            ++it;
            continue;
        }
        if (it->summary.count > 0)
            due.append(it->summary);
        it = m_windows.erase(it);
    }
    return due;
}

QList<RefusalLimiter::Summary> RefusalLimiter::takeAll()
{
    QList<Summary> all;
    for (const Window &window : std::as_const(m_windows)) {
        if (window.summary.count > 0)
            all.append(window.summary);
    }
    m_windows.clear();
    return all;
}

std::optional<RefusalLimiter::Clock::time_point> RefusalLimiter::nextDue() const
{
    std::optional<Clock::time_point> next;
    for (const Window &window : m_windows) {
        if (window.summary.count > 0 && (!next || window.end < *next))
            next = window.end;
    }
    return next;
}

} // namespace anycast
