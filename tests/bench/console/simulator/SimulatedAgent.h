#pragma once

#include "common/protocol/AgentEvent.h"
#include "common/protocol/AgentStatus.h"
#include "common/protocol/HelloReply.h"
#include "common/protocol/LineFramer.h"
#include "common/protocol/SamplePoint.h"

#include <QHash>
#include <QLocalServer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <memory>
#include <random>

class QLocalSocket;

namespace anycast::bench {

// One simulated anycast-agent: the operator API on a Unix socket (hello, status, subscribe,
// history, events), a full sample every interval pushed to subscribers, and now and then a
// health flap with its route change, as `health` and `route` events. Every message is built
// from common/protocol's types, so the console parses exactly what a real agent would send.
// Not an agent: no kernel sampling, no BGP, no drains; the numbers follow smooth curves.
class SimulatedAgent final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        int index = 0;
        QString region;
        int regionIndex = 0;
        std::optional<GeoLocation> location;
        QString socketPath;
        std::chrono::milliseconds interval{1000};
        int historySeconds = 3600;
        double eventsPerSecond = 1.0 / 300; // a flap every five minutes on average
    };

    explicit SimulatedAgent(Config config, QObject *parent = nullptr);
    ~SimulatedAgent() override;

    bool listen(QString *error);
    // Starts sampling after `phase`, so that a fleet does not sample in lockstep.
    void start(std::chrono::milliseconds phase);
    quint64 bytesSent() const { return m_bytesSent; }
    // The `result` of a `history` call for the last `seconds`, as sent.
    QByteArray historyResult(int seconds) const;

private:
    struct Client
    {
        LineFramer framer{1024 * 1024};
        bool samples = false;
        bool events = false;
    };

    void onConnection();
    void onReadyRead(QLocalSocket *socket);
    void handle(QLocalSocket *socket, const QByteArray &line);
    void tick();
    void send(QLocalSocket *socket, const QByteArray &line);
    void notify(const QString &method, const QJsonObject &params, bool samples);
    void record(const QString &kind, const QString &service, const QString &message,
                const QJsonObject &data = {});

    HelloReply hello() const;
    AgentStatus status() const;
    SamplePoint sampleAt(const QDateTime &time) const;
    QJsonObject eventsResult(quint64 after, int limit) const;
    PrefixDecision route(const QString &prefix) const;

    Config m_config;
    QLocalServer m_server;
    QTimer m_timer;
    QHash<QLocalSocket *, std::shared_ptr<Client>> m_clients;
    std::deque<AgentEvent> m_events;
    quint64 m_nextSeq = 1;
    std::mt19937 m_random;
    bool m_webDegraded = false;
    QDateTime m_started;
    quint64 m_bytesSent = 0;
};

} // namespace anycast::bench
