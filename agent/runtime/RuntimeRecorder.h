#pragma once

#include "agent/api/ApiServer.h"
#include "agent/runtime/EventLog.h"
#include "agent/runtime/SampleHistory.h"
#include "agent/runtime/ServiceMonitor.h"

#include <QMap>
#include <QObject>

namespace anycast {

// What the running agent remembers and tells: every event (health, route, probe, drain,
// undrain, fleet, config) into the event log, the journal and the API's subscribers; every
// full sample into the history and to its subscribers; the route changes per prefix, for
// the metrics. The runtime decides; this only records.
class RuntimeRecorder final : public QObject
{
    Q_OBJECT

public:
    // `api` is notified of each event and sample; it may be constructed after the recorder,
    // as long as nothing is recorded before it exists.
    RuntimeRecorder(std::chrono::milliseconds historySpan, ApiServer &api,
                    QObject *parent = nullptr);

    EventLog &events() { return m_events; }
    SampleHistory &history() { return m_history; }
    const QMap<QString, quint64> &routeChangesByPrefix() const { return m_routeChanges; }

    // One event (not QObject::event, which this would otherwise hide).
    void record(const QString &kind, const QString &service, const QString &message,
                const QJsonObject &data = {});
    // The services as they are after a full sample.
    void sample(const QList<ServiceMonitor *> &monitors);
    // Logs and records the monitor's health, route and probe changes as events.
    void follow(ServiceMonitor *monitor);

signals:
    // A route changed: the BGP side has something new to send.
    void routeChanged();

private:
    EventLog m_events;
    SampleHistory m_history;
    ApiServer &m_api;
    QMap<QString, quint64> m_routeChanges;
};

// One line per event, for the journal: "health web: healthy -> down: no listener on :443".
void logLine(const QString &line);

} // namespace anycast
