#include "agent/probe/Probe.h"

#include "agent/probe/ExecProbe.h"
#include "agent/probe/HttpProbe.h"
#include "agent/probe/PlainHttpProbe.h"
#include "agent/probe/TcpProbe.h"

namespace anycast {

Probe::Probe(QObject *parent)
    : QObject(parent)
    , m_runTimeout(this)
{
    m_runTimeout.setSingleShot(true);
    m_runTimeout.setTimerType(Qt::PreciseTimer);
    connect(&m_runTimeout, &QTimer::timeout, this, [this] { runTimedOut(); });
}

QString Probe::timedOutDetail(std::chrono::milliseconds timeout)
{
    return QStringLiteral("timed out after %1 ms").arg(timeout.count());
}

std::unique_ptr<Probe> Probe::create(const ProbeSpec &spec, QObject *parent)
{
    switch (spec.kind) {
    case ProbeSpec::Kind::Tcp:
        return std::make_unique<TcpProbe>(spec, parent);
    case ProbeSpec::Kind::Http:
        // TLS needs Qt's network stack; plain HTTP is cheaper on a socket of its own.
        if (spec.url.scheme() == QStringLiteral("http"))
            return std::make_unique<PlainHttpProbe>(spec, parent);
        return std::make_unique<HttpProbe>(spec, parent);
    case ProbeSpec::Kind::Exec:
        return std::make_unique<ExecProbe>(spec, parent);
    }
    return nullptr;
}

ProbeOutcome ProbeResult::outcome() const
{
    return {ok, detail, wrongAnswer, answered ? std::optional(elapsed) : std::nullopt};
}

void Probe::deliver(const ProbeResult &result, bool insideStart,
                    const std::function<void()> &becomeIdle)
{
    const auto emitResult = [this, result, becomeIdle] {
        becomeIdle();
        emit finished(result);
    };
    if (insideStart)
        QMetaObject::invokeMethod(this, emitResult, Qt::QueuedConnection);
    else
        emitResult();
}

} // namespace anycast
