#include "app/models/FleetRows.h"

#include "app/models/ModelRoles.h"
#include "app/models/RowRouting.h"
#include "app/models/StateWords.h"
#include "app/words/StateNames.h"
#include "common/protocol/UtcTimestamp.h"

#include <QPointF>

#include <algorithm>

namespace anycast {
namespace {

using Roles = QList<std::pair<int, QVariant>>;

ModelCell cell(QString display, QString toolTip = {}, QVariant sort = {}, Roles roles = {})
{
    return ModelCell{std::move(display), std::move(toolTip), std::move(sort), std::move(roles)};
}

HealthShown shown(const HealthLabel &health)
{
    if (health.starting)
        return HealthShown::Starting;
    switch (health.health) {
    case ServiceHealth::Healthy:
        return HealthShown::Healthy;
    case ServiceHealth::Degraded:
        return HealthShown::Degraded;
    case ServiceHealth::Down:
        return HealthShown::Down;
    }
    return HealthShown::Unknown;
}

// Worst first: down, degraded, starting, healthy; unknown only when nothing is known.
int severity(HealthShown health)
{
    switch (health) {
    case HealthShown::Down:
        return 4;
    case HealthShown::Degraded:
        return 3;
    case HealthShown::Starting:
        return 2;
    case HealthShown::Healthy:
        return 1;
    case HealthShown::Unknown:
        return 0;
    }
    return 0;
}

HealthShown worse(HealthShown a, HealthShown b)
{
    return severity(a) >= severity(b) ? a : b;
}

QString wordFor(HealthShown health)
{
    switch (health) {
    case HealthShown::Starting:
        return StateWords::health(HealthLabel{});
    case HealthShown::Healthy:
        return StateWords::health(HealthLabel{false, ServiceHealth::Healthy});
    case HealthShown::Degraded:
        return StateWords::health(HealthLabel{false, ServiceHealth::Degraded});
    case HealthShown::Down:
        return StateWords::health(HealthLabel{false, ServiceHealth::Down});
    case HealthShown::Unknown:
        break;
    }
    return StateWords::level(RollupLevel::Unknown);
}

std::optional<HealthLabel> healthOf(const NodeSnapshot &node, const QString &service)
{
    if (const ServiceSample *sample = node.sampleOf(service))
        return sample->health;
    if (const ServiceStatus *status = node.statusOf(service))
        return status->health;
    return std::nullopt;
}

std::optional<double> acceptFill(const ServiceSocketStats &stats)
{
    std::optional<double> fullest;
    for (const ListenerStats &listener : stats.listeners) {
        if (!listener.backlog || *listener.backlog == 0)
            continue;
        const double fill = static_cast<double>(listener.acceptQueue) / *listener.backlog;
        fullest = std::max(fullest.value_or(0.0), fill);
    }
    return fullest;
}

std::optional<double> ageOf(const NodeSnapshot &node, FleetRows::Clock::time_point now)
{
    if (!node.lastSampleAt)
        return std::nullopt;
    return std::chrono::duration<double>(now - *node.lastSampleAt).count();
}

QVariant optionalVariant(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QString percent(double fraction)
{
    return FleetRows::tr("%1%").arg(qRound(fraction * 100));
}

QVariant location(const std::optional<GeoLocation> &where)
{
    if (!where)
        return {};
    return QPointF(where->longitude, where->latitude);
}

struct BgpCount
{
    int up = 0;
    int total = 0;
};

BgpCount bgpOf(const NodeSnapshot &node)
{
    BgpCount count;
    if (!node.status)
        return count;
    for (const QString &state : node.status->bgp.neighbors) {
        ++count.total;
        if (state == QLatin1String("up"))
            ++count.up;
    }
    return count;
}

QString drainText(const DrainRecord &drain, OperatorState state)
{
    QString text =
        FleetRows::tr("%1 by %2 since %3 (%4): %5")
            .arg(StateWords::operatorState(state), drain.by, formatUtcTimestamp(drain.since),
                 drainModeName(drain.mode), drain.reason);
    if (!drain.ticket.isEmpty())
        text = FleetRows::tr("%1, ticket %2").arg(text, drain.ticket);
    if (drain.forceWithdraw)
        text = FleetRows::tr("%1, fleet guard overridden").arg(text);
    return text;
}

ModelCell operatorCell(OperatorState state, const std::optional<DrainRecord> &drain)
{
    Roles roles{{ModelRole::OperatorStateRole, static_cast<int>(state)}};
    QString display = StateWords::operatorState(state);
    QString toolTip = display;
    if (drain && state != OperatorState::Active) {
        display = FleetRows::tr("%1 (%2)").arg(display, drain->by);
        toolTip = drainText(*drain, state);
        roles.append({ModelRole::DrainByRole, drain->by});
        roles.append({ModelRole::DrainSinceRole, drain->since});
        roles.append({ModelRole::DrainReasonRole, drain->reason});
        roles.append({ModelRole::DrainTicketRole, drain->ticket});
        roles.append({ModelRole::DrainModeRole, drainModeName(drain->mode)});
    }
    return cell(display, toolTip, static_cast<int>(state), roles);
}

// The announcing cell of a node or service: every prefix with its route here and its
// fleet-wide "N of M".
ModelCell announcingCell(const QList<NodePrefixFact> &prefixes, const PrefixCensus &census)
{
    QList<PrefixShown> shownPrefixes;
    QStringList lines;
    std::optional<PrefixTally> lowest;
    for (const NodePrefixFact &fact : prefixes) {
        const PrefixTally tally = census.tally(fact.prefix);
        shownPrefixes.append(PrefixShown{fact.prefix, fact.presence, fact.reason,
                                         tally.announcing(), tally.total, tally.unknown()});
        lines.append(
            FleetRows::tr("%1 %2, %3")
                .arg(fact.prefix, StateWords::presence(fact.presence), StateWords::tally(tally)));
        if (!lowest || tally.announcing() < lowest->announcing())
            lowest = tally;
    }
    Roles roles{{ModelRole::PrefixesRole, QVariant::fromValue(shownPrefixes)}};
    if (lowest) {
        roles.append({ModelRole::AnnouncingRole, lowest->announcing()});
        roles.append({ModelRole::AnnouncingTotalRole, lowest->total});
        roles.append({ModelRole::UnknownCountRole, lowest->unknown()});
    }
    QStringList toolTips = lines;
    for (qsizetype i = 0; i < prefixes.size(); ++i) {
        if (!prefixes[i].reason.isEmpty())
            toolTips[i] = FleetRows::tr("%1 (%2)").arg(lines[i], prefixes[i].reason);
    }
    return cell(lines.join(QStringLiteral("; ")), toolTips.join(QLatin1Char('\n')),
                lowest ? QVariant(lowest->announcing()) : QVariant(), roles);
}

ModelCell linkCell(const LinkStatus &link, FleetRows::Clock::time_point now)
{
    Roles roles{{ModelRole::LinkPhaseRole, static_cast<int>(link.phase)},
                {ModelRole::LinkReasonRole, link.reason}};
    if (const auto retry = link.retryInSeconds(now))
        roles.append({ModelRole::RetryInRole, *retry});
    const QString text = StateWords::link(link, now);
    return cell(text, text, static_cast<int>(link.phase), roles);
}

ModelCell ageCell(const std::optional<double> &age)
{
    return cell(age ? StateWords::age(*age) : QString(), {}, optionalVariant(age),
                {{ModelRole::SampleAgeRole, optionalVariant(age)}});
}

ModelCell fillCell(const std::optional<double> &fill, const QString &detail = {})
{
    const QString display = fill ? percent(*fill) : QString();
    return cell(display, detail.isEmpty() ? display : detail, optionalVariant(fill),
                {{ModelRole::AcceptQueueFillRole, optionalVariant(fill)}});
}

ModelCell establishedCell(quint64 established)
{
    return cell(QString::number(established), {}, established,
                {{ModelRole::EstablishedRole, established}});
}

ModelCell healthCell(HealthShown health, const QString &display, const QString &toolTip)
{
    return cell(display, toolTip, severity(health),
                {{ModelRole::HealthRole, static_cast<int>(health)}});
}

PrefixPresence worstOf(const QList<NodePrefixFact> &prefixes)
{
    PrefixPresence worst = PrefixPresence::Unknown;
    for (const NodePrefixFact &fact : prefixes)
        worst = worsePresence(worst, fact.presence);
    return worst;
}

// The glyph in words, in a column of its own and at the end of the name's tooltip: colour is
// never the only cue.
void showState(QList<ModelCell> &cells, RoutingState routing, Observation observation)
{
    const QString routingWord = StateNames::of(routing);
    const QString words = FleetRows::tr("%1, %2").arg(routingWord, StateNames::of(observation));
    const Roles roles{{ModelRole::RoutingStateRole, static_cast<int>(routing)},
                      {ModelRole::ObservationRole, static_cast<int>(observation)}};
    cells[int(FleetColumn::State)] = cell(routingWord, words, static_cast<int>(routing), roles);
    ModelCell &name = cells[int(FleetColumn::Name)];
    name.toolTip = FleetRows::tr("%1\nState: %2").arg(name.toolTip, words);
    name.roles.append({ModelRole::RoutingStateRole, static_cast<int>(routing)});
}

} // namespace

QStringList FleetRows::headers()
{
    return {tr("Name"), tr("State"),       tr("Health"),       tr("Operator"),   tr("Announcing"),
            tr("BGP"),  tr("ESTABLISHED"), tr("Accept queue"), tr("Connection"), tr("Last sample")};
}

QStringList FleetRows::services(const NodeSnapshot &node)
{
    QStringList names;
    if (node.status) {
        for (const ServiceStatus &service : node.status->services)
            names.append(service.name);
    } else if (node.hello) {
        for (const ServiceInfo &service : node.hello->services)
            names.append(service.name);
    }
    names.sort();
    names.removeDuplicates();
    return names;
}

QList<ModelCell> FleetRows::region(const QString &region, const RegionRollup &rollup,
                                   const QList<const NodeSnapshot *> &nodes,
                                   const PrefixCensus &census, Clock::time_point now)
{
    QStringList findings;
    for (const RollupFinding &finding : rollup.findings)
        findings.append(StateWords::finding(finding));
    PrefixPresence routing = PrefixPresence::Unknown;
    QStringList tallies;
    std::optional<PrefixTally> lowest;
    for (const QString &prefix : census.prefixes()) {
        const PrefixTally tally = census.tally(prefix, region);
        if (tally.total == 0)
            continue;
        routing = worsePresence(routing, tally.best());
        tallies.append(tr("%1 %2").arg(prefix, StateWords::tally(tally)));
        if (!lowest || tally.announcing() < lowest->announcing())
            lowest = tally;
    }
    HealthShown health = HealthShown::Unknown;
    int failing = 0;
    int connected = 0;
    quint64 established = 0;
    std::optional<double> fullest;
    std::optional<double> oldest;
    BgpCount bgp;
    double latitude = 0;
    double longitude = 0;
    int located = 0;
    for (const NodeSnapshot *node : nodes) {
        if (node->hello && node->hello->location) {
            latitude += node->hello->location->latitude;
            longitude += node->hello->location->longitude;
            ++located;
        }
        if (node->link.isConnected()) {
            ++connected;
            oldest = std::max(oldest.value_or(0.0), ageOf(*node, now).value_or(0.0));
        }
        if (!node->reachable())
            continue;
        const BgpCount nodeBgp = bgpOf(*node);
        bgp.up += nodeBgp.up;
        bgp.total += nodeBgp.total;
        for (const QString &service : services(*node)) {
            if (const auto label = healthOf(*node, service)) {
                health = worse(health, shown(*label));
                if (!label->starting && label->health != ServiceHealth::Healthy)
                    ++failing;
            }
            established += node->established(service);
            if (const ServiceSample *sample = node->sampleOf(service)) {
                if (const auto fill = acceptFill(sample->stats))
                    fullest = std::max(fullest.value_or(0.0), *fill);
            }
        }
    }
    const QString name = region.isEmpty() ? tr("(region not yet known)") : region;
    const QString level = StateWords::level(rollup.level);
    QString nameTip = tr("%1: %2").arg(name, level);
    if (!findings.isEmpty())
        nameTip = tr("%1\n%2").arg(nameTip, findings.join(QLatin1Char('\n')));
    const QVariant where =
        located > 0 ? QVariant(QPointF(longitude / located, latitude / located)) : QVariant();
    QList<ModelCell> cells(kFleetColumnCount);
    cells[int(FleetColumn::Name)] =
        cell(name, nameTip, region,
             {{ModelRole::RowKindRole, static_cast<int>(RowKind::Region)},
              {ModelRole::ObservationRole, static_cast<int>(rollup.observation)},
              {ModelRole::RoutingRole, static_cast<int>(routing)},
              {ModelRole::LevelRole, static_cast<int>(rollup.level)},
              {ModelRole::FindingsRole, findings},
              {ModelRole::LocationRole, where},
              {ModelRole::NodeCountRole, rollup.nodes},
              {ModelRole::ReachableCountRole, rollup.reachable}});
    showState(cells, RowRouting::region(rollup, routing), rollup.observation);
    const QString healthText = failing > 0 ? tr("%n failing", nullptr, failing) : wordFor(health);
    cells[int(FleetColumn::Health)] = healthCell(health, healthText, healthText);
    const QString drains =
        rollup.drains > 0 ? tr("%n drained or draining", nullptr, rollup.drains) : QString();
    cells[int(FleetColumn::Operator)] =
        cell(drains, drains, rollup.drains, {{ModelRole::DrainCountRole, rollup.drains}});
    Roles announcing;
    if (lowest) {
        announcing = {{ModelRole::AnnouncingRole, lowest->announcing()},
                      {ModelRole::AnnouncingTotalRole, lowest->total},
                      {ModelRole::UnknownCountRole, lowest->unknown()}};
    }
    cells[int(FleetColumn::Announcing)] =
        cell(tallies.join(QStringLiteral("; ")), tallies.join(QLatin1Char('\n')),
             lowest ? QVariant(lowest->announcing()) : QVariant(), announcing);
    const QString sessions =
        bgp.total > 0 ? tr("%1 of %2 sessions up").arg(bgp.up).arg(bgp.total) : QString();
    cells[int(FleetColumn::Bgp)] =
        cell(sessions, sessions, bgp.up,
             {{ModelRole::BgpUpRole, bgp.up}, {ModelRole::BgpTotalRole, bgp.total}});
    cells[int(FleetColumn::Established)] = establishedCell(established);
    cells[int(FleetColumn::AcceptQueue)] = fillCell(fullest);
    const QString links = tr("%1 of %2 connected").arg(connected).arg(nodes.size());
    cells[int(FleetColumn::Connection)] =
        cell(links, links, connected, {{ModelRole::ConnectedCountRole, connected}});
    cells[int(FleetColumn::LastSample)] = ageCell(oldest);
    return cells;
}

QList<ModelCell> FleetRows::node(const NodeSnapshot &node, const NodeFacts &facts,
                                 const QStringList &sameNodeAs, const PrefixCensus &census,
                                 Clock::time_point now)
{
    // The node's own prefixes with the fleet's tallies: the census holds the routes.
    const RollupLevel level = nodeLevel(facts);
    QString name = facts.name;
    QString nameTip =
        !node.hello ? tr("%1: %2").arg(node.where(), StateWords::level(level))
                    : tr("%1 at %2: %3").arg(facts.name, node.where(), StateWords::level(level));
    if (!sameNodeAs.isEmpty()) {
        name = tr("%1 (same node as %2)").arg(facts.name, sameNodeAs.join(QStringLiteral(", ")));
        nameTip = tr("%1\nThe same node (name and region) answers at %2: two inventory entries "
                     "reach one agent, or two agents share a configuration.")
                      .arg(nameTip, sameNodeAs.join(QStringLiteral(", ")));
    }
    const QStringList names = services(node);
    HealthShown health = HealthShown::Unknown;
    QStringList healthLines;
    quint64 established = 0;
    std::optional<double> fullest;
    for (const QString &service : names) {
        if (const auto label = healthOf(node, service)) {
            if (facts.reachable)
                health = worse(health, shown(*label));
            healthLines.append(tr("%1: %2").arg(service, StateWords::health(*label)));
        }
        established += node.established(service);
        if (const ServiceSample *sample = node.sampleOf(service)) {
            if (const auto fill = acceptFill(sample->stats))
                fullest = std::max(fullest.value_or(0.0), *fill);
        }
    }
    const QString endpoint = node.endpoint;
    QList<ModelCell> cells(kFleetColumnCount);
    cells[int(FleetColumn::Name)] = cell(
        name, nameTip, facts.name,
        {{ModelRole::RowKindRole, static_cast<int>(RowKind::Node)},
         {ModelRole::EndpointRole, endpoint},
         {ModelRole::ObservationRole, static_cast<int>(facts.observation())},
         {ModelRole::RoutingRole,
          static_cast<int>(facts.reachable ? worstOf(facts.prefixes) : PrefixPresence::Unknown)},
         {ModelRole::LevelRole, static_cast<int>(level)},
         {ModelRole::DuplicateOfRole, sameNodeAs},
         {ModelRole::LocationRole, location(node.hello ? node.hello->location : std::nullopt)}});
    showState(cells, RowRouting::node(facts), facts.observation());
    const QString healthText = wordFor(health);
    cells[int(FleetColumn::Health)] =
        healthCell(health, healthText, healthLines.join(QLatin1Char('\n')));
    if (node.status) {
        std::optional<DrainRecord> nodeDrain;
        for (const DrainRecord &drain : node.status->operatorStatus.drains) {
            if (drain.isNodeDrain())
                nodeDrain = drain;
        }
        cells[int(FleetColumn::Operator)] =
            operatorCell(node.status->operatorStatus.nodeState, nodeDrain);
    }
    cells[int(FleetColumn::Announcing)] = announcingCell(facts.prefixes, census);
    const BgpCount bgp = bgpOf(node);
    QStringList neighbors;
    if (node.status) {
        for (auto it = node.status->bgp.neighbors.cbegin(); it != node.status->bgp.neighbors.cend();
             ++it)
            neighbors.append(tr("%1: %2").arg(it.key(), it.value()));
        if (!node.status->bgp.bridgeConnected)
            neighbors.prepend(tr("the ExaBGP bridge is not connected"));
    }
    const QString sessions =
        bgp.total > 0 ? tr("%1 of %2 sessions up").arg(bgp.up).arg(bgp.total) : QString();
    cells[int(FleetColumn::Bgp)] =
        cell(sessions, neighbors.join(QLatin1Char('\n')), bgp.up,
             {{ModelRole::BgpUpRole, bgp.up},
              {ModelRole::BgpTotalRole, bgp.total},
              {ModelRole::BridgeConnectedRole, node.status && node.status->bgp.bridgeConnected}});
    if (node.status || node.lastSample)
        cells[int(FleetColumn::Established)] = establishedCell(established);
    cells[int(FleetColumn::AcceptQueue)] = fillCell(fullest);
    cells[int(FleetColumn::Connection)] = linkCell(node.link, now);
    cells[int(FleetColumn::LastSample)] = ageCell(ageOf(node, now));
    return cells;
}

QList<ModelCell> FleetRows::service(const NodeSnapshot &node, const QString &service,
                                    const PrefixCensus &census, Clock::time_point now)
{
    const ServiceStatus *status = node.statusOf(service);
    const ServiceSample *sample = node.sampleOf(service);
    const bool reachable = node.reachable();
    QList<NodePrefixFact> prefixes;
    for (const NodePrefixFact &fact : NodeFacts::of(node).prefixes) {
        if (fact.service == service)
            prefixes.append(fact);
    }
    const std::optional<HealthLabel> label = healthOf(node, service);
    const HealthShown health = reachable && label ? shown(*label) : HealthShown::Unknown;
    QString healthTip = label ? StateWords::health(*label) : QString();
    if (status && !status->reasons.isEmpty())
        healthTip = tr("%1: %2").arg(healthTip, status->reasons.join(QStringLiteral("; ")));
    if (status && !status->pending.isEmpty())
        healthTip = tr("%1 (pending: %2)").arg(healthTip, status->pending);
    if (sample && sample->probe) {
        healthTip = sample->probe->ok
                        ? tr("%1\nprobe ok in %2 ms").arg(healthTip).arg(sample->probe->latencyMs)
                        : tr("%1\nprobe failed").arg(healthTip);
    }
    const Observation observation = !reachable ? Observation::NoData
                                    : health == HealthShown::Degraded || health == HealthShown::Down
                                        ? Observation::Failing
                                        : Observation::Reporting;
    QList<ModelCell> cells(kFleetColumnCount);
    cells[int(FleetColumn::Name)] =
        cell(service, service, service,
             {{ModelRole::RowKindRole, static_cast<int>(RowKind::Service)},
              {ModelRole::EndpointRole, node.endpoint},
              {ModelRole::ObservationRole, static_cast<int>(observation)},
              {ModelRole::RoutingRole,
               static_cast<int>(reachable ? worstOf(prefixes) : PrefixPresence::Unknown)}});
    cells[int(FleetColumn::Health)] = healthCell(health, wordFor(health), healthTip);
    OperatorState state = OperatorState::Active;
    if (sample)
        state = sample->operatorState;
    else if (status)
        state = status->operatorState;
    showState(cells, RowRouting::service(reachable, state, prefixes), observation);
    cells[int(FleetColumn::Operator)] = operatorCell(state, status ? status->drain : std::nullopt);
    cells[int(FleetColumn::Announcing)] = announcingCell(prefixes, census);
    if (sample || status)
        cells[int(FleetColumn::Established)] = establishedCell(node.established(service));
    QString queueTip;
    if (sample) {
        QStringList listeners;
        for (const ListenerStats &listener : sample->stats.listeners) {
            listeners.append(listener.backlog ? tr("%1:%2 queue %3 of %4")
                                                    .arg(listener.address)
                                                    .arg(listener.port)
                                                    .arg(listener.acceptQueue)
                                                    .arg(*listener.backlog)
                                              : tr("%1:%2 queue %3")
                                                    .arg(listener.address)
                                                    .arg(listener.port)
                                                    .arg(listener.acceptQueue));
        }
        queueTip = listeners.join(QLatin1Char('\n'));
    }
    cells[int(FleetColumn::AcceptQueue)] =
        fillCell(sample ? acceptFill(sample->stats) : std::nullopt, queueTip);
    cells[int(FleetColumn::LastSample)] = ageCell(ageOf(node, now));
    return cells;
}

} // namespace anycast
