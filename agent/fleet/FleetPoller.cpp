#include "agent/fleet/FleetPoller.h"

#include "agent/support/PlainHttpRequest.h"

#include <QJsonObject>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>

#include <algorithm>

namespace anycast {
namespace {

Result<bool> invalid(const QString &url, const QString &reason)
{
    return Result<bool>::failure(QStringLiteral("peer '%1': %2").arg(url, reason));
}

// One spelling per peer, so "http://Host:9642/" and "http://host:9642" are one peer
// (validatePeerUrl allows no path but "/").
QString canonical(QUrl url)
{
    url.setPath(QString());
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

FleetPoller::FleetPoller(QStringList peerUrls, std::chrono::milliseconds interval,
                         std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_interval(std::max(interval, std::chrono::milliseconds(1)))
    , m_timeout(std::max(timeout, std::chrono::milliseconds(1)))
    , m_manager(this)
    , m_ticker(this)
{
    QSet<QString> seen;
    for (const QString &url : std::as_const(peerUrls)) {
        Peer peer;
        peer.url = url;
        if (const Result<bool> valid = validatePeerUrl(url); !valid) {
            peer.configurationError = valid.error();
            peer.lastError = valid.error();
            m_configurationErrors.append(valid.error());
        } else {
            const QUrl base(url, QUrl::StrictMode);
            const QString key = canonical(base);
            if (seen.contains(key)) {
                m_configurationErrors.append(
                    QStringLiteral("peer '%1': listed more than once, polled once").arg(url));
                continue;
            }
            seen.insert(key);
            peer.statusUrl = base;
            peer.statusUrl.setPath(QStringLiteral("/status"));
        }
        m_peers.push_back(std::move(peer));
    }

    // The peers are asked directly: a proxy would answer for them.
    m_manager.setProxy(QNetworkProxy::NoProxy);
    m_ticker.setInterval(m_interval);
    // A coarse timer may fire 5% late, and every late poll eats into the staleness margin.
    m_ticker.setTimerType(Qt::PreciseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &FleetPoller::pollAll);
}

FleetPoller::~FleetPoller()
{
    // Whatever is in flight is dropped without a result: nobody is left to receive it.
    for (Peer &peer : m_peers) {
        if (QNetworkReply *reply = peer.reply) {
            peer.reply = nullptr;
            reply->disconnect(this);
            reply->abort();
        }
    }
}

Result<bool> FleetPoller::validatePeerUrl(const QString &url)
{
    if (url.isEmpty())
        return invalid(url, QStringLiteral("empty URL"));
    if (url != url.trimmed())
        return invalid(url, QStringLiteral("leading or trailing spaces"));
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return invalid(url, QStringLiteral("not a valid URL: %1").arg(parsed.errorString()));
    // Peers serve /status on http_listen, which is plain HTTP; anything else is a typo or a
    // different service.
    if (parsed.scheme() != QLatin1String("http")) {
        return invalid(url, QStringLiteral("only http:// is supported (a peer's http_listen), "
                                           "expected http://HOST:PORT"));
    }
    if (parsed.host().isEmpty())
        return invalid(url, QStringLiteral("no host (expected http://HOST:PORT)"));
    if (!parsed.userInfo().isEmpty())
        return invalid(url, QStringLiteral("user information is not allowed"));
    if (parsed.hasQuery() || parsed.hasFragment())
        return invalid(url, QStringLiteral("a query or fragment is not allowed"));
    if (!parsed.path().isEmpty() && parsed.path() != QLatin1String("/")) {
        return invalid(url, QStringLiteral("a path is not allowed: give the base URL, the agent "
                                           "asks for /status itself"));
    }
    // http_listen always names its port; port 80 by default would almost always be a slip.
    if (parsed.port() < 1)
        return invalid(url, QStringLiteral("no port (expected http://HOST:PORT, e.g. :9642)"));
    return Result<bool>::success(true);
}

void FleetPoller::start()
{
    if (m_ticker.isActive())
        return;
    m_ticker.start();
    pollAll();
}

void FleetPoller::pollAll()
{
    for (std::size_t index = 0; index < m_peers.size(); ++index) {
        const Peer &peer = m_peers[index];
        // A peer still answering the last poll is left alone: one request in flight each.
        if (peer.configurationError.isEmpty() && !peer.reply)
            poll(index);
    }
}

void FleetPoller::poll(std::size_t index)
{
    Peer &peer = m_peers[index];
    QNetworkRequest request =
        plainHttpRequest(peer.statusUrl, QStringLiteral("anycast-agent fleet"));
    request.setRawHeader("Accept", "application/json");

    QNetworkReply *reply = m_manager.get(request);
    peer.reply = reply;
    // The deadline covers the whole exchange: a peer that trickles bytes is as useless to
    // the guard as one that sends none. Owned by the reply, so it goes with it.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer);
    connect(deadline, &QTimer::timeout, this, [this, index, reply] {
        abandon(index, reply, QStringLiteral("timed out after %1 ms").arg(m_timeout.count()));
    });
    // Checked on the announced length and on what has arrived: Qt rate-limits its progress
    // signals, so readyRead is the one that sees every chunk.
    const auto capSize = [this, index, reply] {
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (announced > kMaxResponseBytes || reply->bytesAvailable() > kMaxResponseBytes) {
            abandon(index, reply,
                    QStringLiteral("response larger than %1 bytes").arg(kMaxResponseBytes));
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, capSize);
    connect(reply, &QNetworkReply::readyRead, this, capSize);
    connect(reply, &QNetworkReply::finished, this,
            [this, index, reply] { onReplyFinished(index, reply); });
    deadline->start(m_timeout);
}

void FleetPoller::onReplyFinished(std::size_t index, QNetworkReply *reply)
{
    reply->deleteLater();
    Peer &peer = m_peers[index];
    if (peer.reply != reply)
        return; // abandoned: its result is already recorded
    peer.reply = nullptr;

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && status.toInt() != 200) {
        record(index, Result<PeerStatus>::failure(QStringLiteral("HTTP %1").arg(status.toInt())));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        record(index, Result<PeerStatus>::failure(reply->errorString()));
        return;
    }
    Result<PeerStatus> parsed = parsePeerStatus(reply->readAll());
    if (!parsed) {
        record(index,
               Result<PeerStatus>::failure(QStringLiteral("bad status: %1").arg(parsed.error())));
        return;
    }
    record(index, std::move(parsed));
}

void FleetPoller::abandon(std::size_t index, QNetworkReply *reply, const QString &error)
{
    Peer &peer = m_peers[index];
    if (peer.reply != reply)
        return;
    peer.reply = nullptr;
    // abort() emits finished() at once; the reply is stale by then and only deleted.
    reply->abort();
    record(index, Result<PeerStatus>::failure(error));
}

void FleetPoller::record(std::size_t index, Result<PeerStatus> result)
{
    Peer &peer = m_peers[index];
    const bool reachable = result.ok();
    QString detail;
    if (reachable) {
        peer.status = std::move(result).value();
        peer.statusTime = std::chrono::steady_clock::now();
        peer.lastError.clear();
        peer.consecutiveFailures = 0;
        detail =
            QStringLiteral("node '%1' in region '%2'").arg(peer.status->node, peer.status->region);
    } else {
        peer.lastError = result.error();
        ++peer.consecutiveFailures;
        detail = peer.lastError;
    }
    if (peer.reachable == reachable)
        return;
    peer.reachable = reachable;
    emit peerChanged(peer.url, reachable, detail);
}

bool FleetPoller::fresh(const Peer &peer, SteadyTime now) const
{
    return peer.status && now - peer.statusTime < kStaleIntervals * m_interval;
}

std::vector<const PeerStatus *> FleetPoller::freshStatuses(SteadyTime now) const
{
    std::vector<const PeerStatus *> statuses;
    QSet<QString> nodes;
    for (const Peer &peer : m_peers) {
        if (!fresh(peer, now))
            continue;
        const QString &node = peer.status->node;
        if (!node.isEmpty()) {
            if (nodes.contains(node))
                continue;
            nodes.insert(node);
        }
        statuses.push_back(&*peer.status);
    }
    return statuses;
}

FleetView FleetPoller::view(const QString &prefix, SteadyTime now) const
{
    FleetView view;
    // With no peers there is nothing to protect and the guard allows; with peers, even
    // none answering is a view: every one of them counts as not announcing.
    view.known = !m_peers.empty();
    for (const PeerStatus *status : freshStatuses(now)) {
        if (status->announces(prefix))
            ++view.othersAnnouncing;
    }
    for (const Peer &peer : m_peers) {
        if (!fresh(peer, now))
            ++view.othersUnknown;
    }
    return view;
}

PeerProbes FleetPoller::probes(const QString &service, SteadyTime now) const
{
    PeerProbes probes;
    for (const PeerStatus *status : freshStatuses(now)) {
        const auto it = status->services.constFind(service);
        if (it == status->services.cend() || !it->probeOk)
            continue;
        ++probes.reporting;
        if (!*it->probeOk)
            ++probes.failing;
    }
    return probes;
}

QList<FleetPoller::PeerReport> FleetPoller::reports(SteadyTime now) const
{
    QList<PeerReport> reports;
    for (const Peer &peer : m_peers) {
        PeerReport report{
            peer.url, {}, {}, fresh(peer, now), {}, peer.lastError, peer.consecutiveFailures};
        if (peer.status) {
            report.node = peer.status->node;
            report.region = peer.status->region;
            report.statusAgeSeconds = std::chrono::duration<double>(now - peer.statusTime).count();
        }
        reports.append(report);
    }
    return reports;
}

QList<FleetPeerStatus> FleetPoller::peerStatuses(SteadyTime now) const
{
    const auto unlessEmpty = [](const QString &text) {
        return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
    };
    QList<FleetPeerStatus> peers;
    for (const PeerReport &report : reports(now)) {
        FleetPeerStatus peer;
        peer.url = report.url;
        if (report.statusAgeSeconds) {
            peer.node = report.node;
            peer.region = report.region;
            peer.ageSeconds = report.statusAgeSeconds;
        }
        peer.reachable = report.reachable;
        peer.error = unlessEmpty(report.lastError);
        peer.failures = static_cast<quint64>(report.consecutiveFailures);
        peers.append(peer);
    }
    return peers;
}

} // namespace anycast
