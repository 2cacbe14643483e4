#pragma once

namespace anycast {

// A request that many triggers may ask for but that should run at most once at a time, with
// at most one more queued behind it: a burst of route events costs two `status` calls, not
// twenty, and the last one still sees the end of the burst. Pure; the caller sends.
class CoalescedCall
{
public:
    // True: send it now. False: one is in flight; it runs again once that one finishes.
    bool request();
    // The call in flight finished (either way). True: send it again now.
    bool finished();
    // The link went down: nothing is in flight any more, nothing queued.
    void reset();

    bool inFlight() const { return m_inFlight; }
    bool queued() const { return m_queued; }

private:
    bool m_inFlight = false;
    bool m_queued = false;
};

} // namespace anycast
