#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <chrono>
#include <optional>
#include <utility>

namespace anycast {

// Bounds what refused attempts cost the audit log, per caller and action: the first refusal
// of a window is written at once, the rest of the window only counted, and when the window
// ends with refusals counted, one summary record says how many. A caller repeating a refused
// drain as fast as it can thus adds at most two records per window, and accepted mutations,
// which never pass through here, are never held back by it.
//
// Pure: the caller passes the time (steady, for the windows; wall, for the records) and
// writes what this returns.
class RefusalLimiter final
{
public:
    using Clock = std::chrono::steady_clock;

    explicit RefusalLimiter(std::chrono::milliseconds window);

    // The refusals of one caller and action that a window held beyond its first.
    struct Summary
    {
        quint32 uid = 0;
        QString who;
        QString action;
        quint64 count = 0;
        QDateTime first; // wall time of the first counted refusal
        QDateTime last;  // ... and of the last
    };

    // True: write this refusal now. False: it is counted, for a summary at the window's end.
    bool admit(quint32 uid, const QString &who, const QString &action, Clock::time_point now,
               const QDateTime &wallNow);
    // The summaries of the windows that ended by `now`; those windows are forgotten, so the
    // next refusal of that caller and action is written at once again.
    QList<Summary> takeDue(Clock::time_point now);
    // Every summary still counting, whatever the time: for a clean stop.
    QList<Summary> takeAll();
    // When the next window with counted refusals ends, if any does.
    std::optional<Clock::time_point> nextDue() const;

    std::chrono::milliseconds window() const { return m_window; }

private:
    struct Window
    {
        Clock::time_point end;
        Summary summary;
    };

    std::chrono::milliseconds m_window;
    // One entry per caller and action seen within the last window: bounded by who can reach
    // the socket at all (root, the agent's user and the api_group's members) times two actions.
    QMap<std::pair<quint32, QString>, Window> m_windows;
};

} // namespace anycast
