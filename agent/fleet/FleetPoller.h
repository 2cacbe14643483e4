#pragma once

#include "agent/fleet/PeerStatus.h"
#include "agent/fleet/SharedFaultRule.h"
#include "agent/policy/FleetGuard.h"
#include "agent/support/SteadyTime.h"
#include "common/Result.h"
#include "common/protocol/FleetStatus.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <optional>
#include <vector>

class QNetworkReply;

namespace anycast {

// Polls the other agents' GET /status ([fleet] peers) and turns what they answer into the
// fleet guard's view of each prefix and the shared-fault rule's view of each service.
// At most one request per peer is in flight; each has a deadline and a size cap, and all of
// it runs on the event loop without blocking it. A peer's last good status counts for
// kStaleIntervals intervals, so one lost poll does not flip the view; after that the peer
// counts as not answering, which the guard reads as not announcing.
class FleetPoller final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kStaleIntervals = 3;
    static constexpr qsizetype kMaxResponseBytes = kMaxPeerStatusBytes;

    // Invalid or repeated URLs are rejected here: an invalid one is never polled and stays
    // "not answering" with its error in peerStatuses() and configurationErrors(), so a config
    // that slipped past validation errs towards keeping this node's routes; a repeated one
    // is dropped so that one peer is never counted twice.
    explicit FleetPoller(QStringList peerUrls,
                         std::chrono::milliseconds interval = std::chrono::seconds(1),
                         std::chrono::milliseconds timeout = std::chrono::milliseconds(800),
                         QObject *parent = nullptr);
    ~FleetPoller() final;

    // "http://HOST:PORT" with an optional trailing '/': a peer's http_listen base URL.
    // HOST is a literal address or a host name; no other scheme, no user, path or query.
    static Result<bool> validatePeerUrl(const QString &url);

    // Polls every peer at once and then every interval; idempotent.
    void start();

    std::chrono::milliseconds interval() const { return m_interval; }
    QStringList configurationErrors() const { return m_configurationErrors; }

    // known: at least one peer is configured; othersAnnouncing: peers with a fresh status
    // that announce the prefix; othersUnknown: peers without a fresh status.
    FleetView view(const QString &prefix, SteadyTime now) const;
    // Over peers with a fresh status that report a probe result for the service.
    PeerProbes probes(const QString &service, SteadyTime now) const;
    // What the poller knows of one peer, for status and metrics.
    struct PeerReport
    {
        QString url; // as configured
        QString node;
        QString region;
        bool reachable = false;                 // a fresh status
        std::optional<double> statusAgeSeconds; // of the last good status
        QString lastError;                      // of the last poll
        int consecutiveFailures = 0;
    };
    // One per peer, in config order.
    QList<PeerReport> reports(SteadyTime now) const;
    // The reports as JSON: url, node, region, reachable, age_s, error, failures.
    QList<FleetPeerStatus> peerStatuses(SteadyTime now) const;

signals:
    // On reachability transitions only (the first result counts as one): for the log.
    void peerChanged(const QString &url, bool reachable, const QString &detail);

private:
    struct Peer
    {
        QString url; // as configured
        QUrl statusUrl;
        QString configurationError; // set: never polled
        std::optional<PeerStatus> status;
        SteadyTime statusTime;
        QString lastError;
        int consecutiveFailures = 0;
        std::optional<bool> reachable; // of the last completed poll, for transitions
        QPointer<QNetworkReply> reply;
    };

    void pollAll();
    void poll(std::size_t index);
    void onReplyFinished(std::size_t index, QNetworkReply *reply);
    void abandon(std::size_t index, QNetworkReply *reply, const QString &error);
    void record(std::size_t index, Result<PeerStatus> result);
    bool fresh(const Peer &peer, SteadyTime now) const;
    // Fresh statuses, one per node name: two URLs that reach the same agent (a name and an
    // address) must not count as two nodes announcing.
    std::vector<const PeerStatus *> freshStatuses(SteadyTime now) const;

    std::chrono::milliseconds m_interval;
    std::chrono::milliseconds m_timeout;
    std::vector<Peer> m_peers;
    QStringList m_configurationErrors;
    QNetworkAccessManager m_manager;
    QTimer m_ticker;
};

} // namespace anycast
