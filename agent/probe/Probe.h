#pragma once

#include "agent/policy/ProbeOutcome.h"
#include "agent/probe/ProbeSpec.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace anycast {

struct ProbeResult
{
    bool ok = false;
    QString detail; // "connected in 0.3 ms", "HTTP 500 (expected 200)", "timed out after 1000 ms"
    std::chrono::milliseconds elapsed{0};
    // Failed because the service itself answered, wrongly (an HTTP status other than the
    // expected one): no doubt about the probe's own luck, unlike a timeout or a refusal.
    bool wrongAnswer = false;
    // The service itself answered (an HTTP status came back, right or wrong): `elapsed` then
    // times an answer of the service, which the health engine learns its pace from. A TCP
    // probe's connect is the kernel's answer, not the service's.
    bool answered = false;

    // What the decision takes from it.
    ProbeOutcome outcome() const;
};

// An active check of a service. Asynchronous: start() returns at once and finished() is
// emitted exactly once per started run, on the thread that owns the probe. A timeout is a
// failure. The probe never blocks the event loop, so it can never delay sampling.
class Probe : public QObject
{
    Q_OBJECT

public:
    explicit Probe(QObject *parent = nullptr);
    ~Probe() override = default;

    // Starts a run; returns false (and does nothing) while a run is still in flight.
    virtual bool start() = 0;
    virtual bool running() const = 0;

    static std::unique_ptr<Probe> create(const ProbeSpec &spec, QObject *parent = nullptr);

signals:
    void finished(const anycast::ProbeResult &result);

protected:
    // The timeout over a whole run: runTimedOut() is called when it expires. Precise, because a
    // coarse timer may fire 5% early and a timeout must never cut a run short.
    void startRunTimeout(std::chrono::milliseconds timeout) { m_runTimeout.start(timeout); }
    void stopRunTimeout() { m_runTimeout.stop(); }
    virtual void runTimedOut() = 0;
    // "timed out after 1000 ms": every kind of probe words a timeout alike.
    static QString timedOutDetail(std::chrono::milliseconds timeout);

    // Emits finished(result) after `becomeIdle` has run: at once, or queued when
    // `insideStart` (Qt may report a failure synchronously from inside a start call, and the
    // caller must not see the result before start() has returned).
    void deliver(const ProbeResult &result, bool insideStart,
                 const std::function<void()> &becomeIdle);

private:
    QTimer m_runTimeout;
};

} // namespace anycast
