#include "agent/bgp/BgpController.h"

#include "common/StrictJson.h"

#include <algorithm>
#include <arpa/inet.h>
#include <utility>

namespace anycast {
namespace {

// ExaBGP 4.2's states in "type": "state" events, as shared strings: a flapping session
// costs no memory.
const QString kUp = QStringLiteral("up");
const QString kConnected = QStringLiteral("connected");
const QString kDown = QStringLiteral("down");
const QString kUnknown = QStringLiteral("unknown");

std::optional<QString> sessionState(const QString &state)
{
    for (const QString &known : {kUp, kConnected, kDown}) {
        if (state == known)
            return known;
    }
    return std::nullopt;
}

// The canonical text of a plain IP address (no scope, no port, no shortened IPv4), or
// nullopt.
std::optional<QString> neighborAddress(const QString &peer)
{
    if (peer.isEmpty() || peer.size() >= INET6_ADDRSTRLEN)
        return std::nullopt;
    const QByteArray text = peer.toLatin1();
    unsigned char binary[sizeof(in6_addr)];
    char canonical[INET6_ADDRSTRLEN];
    for (const int family : {AF_INET, AF_INET6}) {
        if (inet_pton(family, text.constData(), binary) == 1 &&
            inet_ntop(family, binary, canonical, sizeof canonical) != nullptr)
            return QString::fromLatin1(canonical);
    }
    return std::nullopt;
}

} // namespace

BgpController::BgpController(ExabgpCommands commands)
    : m_commands(std::move(commands))
{}

std::chrono::milliseconds BgpController::backoff(int failures)
{
    // 0.5 s, 1 s, 2 s ... capped at 30 s: a rejected command is retried, never hammered.
    const int shift = std::min(failures - 1, 6);
    return std::min(std::chrono::milliseconds(500 << std::max(shift, 0)),
                    std::chrono::milliseconds(30000));
}

void BgpController::setDesired(const QList<PrefixDecision> &decisions)
{
    QSet<QString> listed;
    for (const PrefixDecision &decision : decisions) {
        listed.insert(decision.prefix);
        auto it = m_prefixes.find(decision.prefix);
        if (it == m_prefixes.end()) {
            it = m_prefixes.insert(
                decision.prefix, PrefixStatus{decision.prefix, {}, {}, false, 0, std::nullopt, {}});
            m_order.append(decision.prefix);
        }
        const QString command = m_commands.forDecision(decision);
        if (it->desiredCommand != command) {
            it->desiredCommand = command;
            it->failures = 0; // a new wish deserves a prompt first try
            it->retryAt.reset();
        }
    }
    for (auto it = m_prefixes.begin(); it != m_prefixes.end(); ++it) {
        if (!listed.contains(it.key()))
            it->desiredCommand = m_commands.withdraw(it.key());
    }
}

void BgpController::onConnected()
{
    m_connected = true;
    m_awaitingHello = true;
    m_bridgeHello.clear();
    m_neighbors.clear();
    m_neighbors.squeeze();
    m_inFlight.clear();
    for (PrefixStatus &status : m_prefixes) {
        status.acknowledgedCommand.clear();
        status.inFlight = false;
        status.retryAt.reset();
    }
}

void BgpController::onDisconnected()
{
    m_connected = false;
    m_awaitingHello = false;
    for (QString &state : m_neighbors)
        state = kUnknown;
    m_inFlight.clear();
    for (PrefixStatus &status : m_prefixes)
        status.inFlight = false;
}

QStringList BgpController::takeCommands(SteadyTime now)
{
    QStringList commands;
    if (!m_connected)
        return commands;
    for (const QString &prefix : std::as_const(m_order)) {
        PrefixStatus &status = m_prefixes[prefix];
        if (status.inFlight || status.desiredCommand.isEmpty() ||
            status.desiredCommand == status.acknowledgedCommand)
            continue;
        if (status.retryAt && now < *status.retryAt)
            continue;
        status.inFlight = true;
        m_inFlight.push_back({prefix, status.desiredCommand});
        commands.append(status.desiredCommand);
    }
    return commands;
}

BgpController::LineOutcome BgpController::onLine(const QString &line, SteadyTime now)
{
    using Kind = LineOutcome::Kind;
    if (!m_connected)
        return {Kind::NotFromBridge, QStringLiteral("no bridge is connected")};
    // The bridge writes its hello before anything it relays, and relays no '#' line from
    // ExaBGP: a '#' line anywhere else came from ExaBGP's side and speaks for nobody.
    const bool first = std::exchange(m_awaitingHello, false);
    if (line.startsWith(QLatin1Char('#'))) {
        if (first && line.startsWith(QLatin1String("#bridge hello "))) {
            m_bridgeHello = line.mid(8).trimmed();
            return {Kind::BridgeHello, m_bridgeHello};
        }
        return {Kind::NotFromBridge,
                QStringLiteral("only the bridge's first line may start with '#'")};
    }
    const QString trimmed = line.trimmed();
    if (trimmed == QLatin1String("done"))
        return onAck(true, now);
    if (trimmed == QLatin1String("error"))
        return onAck(false, now);
    if (trimmed.startsWith(QLatin1Char('{'))) {
        const StrictJsonResult parsed = StrictJson::parseObject(trimmed.toUtf8());
        if (parsed.ok())
            return onEvent(parsed.document.object());
    }
    return {};
}

BgpController::LineOutcome BgpController::onAck(bool ok, SteadyTime now)
{
    using Kind = LineOutcome::Kind;
    if (m_inFlight.empty())
        return {}; // an ack for a command from before this connection: nothing waits for it
    const Sent sent = m_inFlight.front();
    m_inFlight.pop_front();
    PrefixStatus &status = m_prefixes[sent.prefix];
    status.inFlight = false;
    if (ok) {
        // What was sent is what ExaBGP now has, even if the wish moved on meanwhile.
        status.acknowledgedCommand = sent.command;
        status.failures = 0;
        status.retryAt.reset();
        status.lastError.clear();
        return {Kind::Acknowledged, sent.command};
    }
    ++m_errorAcks;
    ++status.failures;
    status.retryAt = now + backoff(status.failures);
    status.lastError = QStringLiteral("ExaBGP rejected: %1").arg(sent.command);
    return {Kind::Rejected, sent.command};
}

BgpController::LineOutcome BgpController::onEvent(const QJsonObject &event)
{
    // ExaBGP 4.2 neighbor-changes: {"type": "state", "neighbor": {"address": {"peer": ...},
    // "state": "up" | "down" | "connected" ...}}
    if (event.value(QStringLiteral("type")).toString() != QLatin1String("state"))
        return {};
    const QJsonObject neighbor = event.value(QStringLiteral("neighbor")).toObject();
    const QString peer = neighbor.value(QStringLiteral("address"))
                             .toObject()
                             .value(QStringLiteral("peer"))
                             .toString();
    using Kind = LineOutcome::Kind;
    const std::optional<QString> address = neighborAddress(peer);
    const std::optional<QString> state =
        sessionState(neighbor.value(QStringLiteral("state")).toString());
    if (!address || !state) {
        ++m_neighborEventsIgnored;
        return {Kind::NeighborRefused, QStringLiteral("a state event without a neighbor address "
                                                      "and one of up, connected, down")};
    }
    const auto known = m_neighbors.find(*address);
    if (known == m_neighbors.end() && m_neighbors.size() >= kMaxNeighbors) {
        ++m_neighborEventsIgnored;
        return {Kind::NeighborRefused, QStringLiteral("more than %1 neighbors; not tracking %2")
                                           .arg(kMaxNeighbors)
                                           .arg(*address)};
    }
    if (known != m_neighbors.end() && *known == *state)
        return {};
    m_neighbors.insert(*address, *state);
    return {Kind::NeighborState, *address + QLatin1Char(' ') + *state};
}

} // namespace anycast
