#include "tests/support/AgentTestConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace anycast::labtest {

void TomlKeys::set(const QString &key, const QString &value)
{
    for (auto &entry : m_entries) {
        if (entry.first == key) {
            entry.second = value;
            return;
        }
    }
    m_entries.append({key, value});
}

QString TomlKeys::text() const
{
    QString text;
    for (const auto &[key, value] : m_entries)
        text += key + QStringLiteral(" = ") + value + QLatin1Char('\n');
    return text;
}

QString toStringToml(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString toStringArrayToml(const QStringList &texts)
{
    QStringList quoted;
    for (const QString &text : texts)
        quoted.append(toStringToml(text));
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString toDurationToml(std::chrono::milliseconds duration)
{
    return toStringToml(QString::number(duration.count()) + QStringLiteral("ms"));
}

namespace {

QString portsToml(const QList<quint16> &ports)
{
    QStringList numbers;
    for (const quint16 port : ports)
        numbers.append(QString::number(port));
    return QLatin1Char('[') + numbers.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString boolToml(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString number(double value)
{
    // TOML tells a float from an integer by its point.
    QString text = QString::number(value, 'g', 17);
    if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
        text += QStringLiteral(".0");
    return text;
}

} // namespace

ServiceTestConfig::ServiceTestConfig(const QString &name, const QList<quint16> &ports)
    : m_name(name)
{
    m_keys.set(QStringLiteral("name"), toStringToml(name));
    this->ports(ports);
}

ServiceTestConfig &ServiceTestConfig::ports(const QList<quint16> &value)
{
    m_keys.set(QStringLiteral("ports"), portsToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::prefixes(const QStringList &value)
{
    m_keys.set(QStringLiteral("prefixes"), toStringArrayToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::rise(int value)
{
    m_keys.set(QStringLiteral("rise"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::fall(int value)
{
    m_keys.set(QStringLiteral("fall"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::listenerLossImmediate(bool value)
{
    m_keys.set(QStringLiteral("listener_loss_immediate"), boolToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::probe(const QString &url)
{
    m_keys.set(QStringLiteral("probe"), toStringToml(url));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::probeInterval(std::chrono::milliseconds value)
{
    m_keys.set(QStringLiteral("probe_interval"), toDurationToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::probeTimeout(std::chrono::milliseconds value)
{
    m_keys.set(QStringLiteral("probe_timeout"), toDurationToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::probeRetryDelay(std::chrono::milliseconds value)
{
    m_keys.set(QStringLiteral("probe_retry_delay"), toDurationToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::probeExpectStatus(int value)
{
    m_keys.set(QStringLiteral("probe_expect_status"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::acceptQueueRatio(double value)
{
    m_thresholds.set(QStringLiteral("accept_queue_ratio"), number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::acceptQueueDepth(int value)
{
    m_thresholds.set(QStringLiteral("accept_queue_depth"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::acceptStall(std::chrono::milliseconds value)
{
    m_thresholds.set(QStringLiteral("accept_stall"), toDurationToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::acceptStallWithdraw(std::chrono::milliseconds value)
{
    m_thresholds.set(QStringLiteral("accept_stall_withdraw"), toDurationToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::unreadAge(std::chrono::milliseconds value)
{
    m_thresholds.set(QStringLiteral("unread_age"), toDurationToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::unreadConnections(int value)
{
    m_thresholds.set(QStringLiteral("unread_connections"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::unansweredAge(std::chrono::milliseconds value)
{
    m_thresholds.set(QStringLiteral("unanswered_age"), toDurationToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::unansweredAgeMin(std::chrono::milliseconds value)
{
    m_thresholds.set(QStringLiteral("unanswered_age_min"), toDurationToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::unansweredConnections(int value)
{
    m_thresholds.set(QStringLiteral("unanswered_connections"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::med(quint32 value)
{
    m_route.set(QStringLiteral("med"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::communities(const QStringList &value)
{
    m_route.set(QStringLiteral("communities"), toStringArrayToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::degradedPrepend(int value)
{
    m_route.set(QStringLiteral("degraded_prepend"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::degradedMed(quint32 value)
{
    m_route.set(QStringLiteral("degraded_med"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::withdrawOnDown(bool value)
{
    m_route.set(QStringLiteral("withdraw_on_down"), boolToml(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::downMed(quint32 value)
{
    m_route.set(QStringLiteral("down_med"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::drainPrepend(int value)
{
    m_route.set(QStringLiteral("drain_prepend"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::drainFloor(quint64 value)
{
    m_route.set(QStringLiteral("drain_floor"), QString::number(value));
    return *this;
}

ServiceTestConfig &ServiceTestConfig::drainGrace(std::chrono::milliseconds value)
{
    m_route.set(QStringLiteral("drain_grace"), toDurationToml(value));
    return *this;
}

QString ServiceTestConfig::text() const
{
    QString text = QStringLiteral("[[service]]\n") + m_keys.text();
    if (!m_thresholds.isEmpty())
        text += QStringLiteral("[service.thresholds]\n") + m_thresholds.text();
    if (!m_route.isEmpty())
        text += QStringLiteral("[service.route]\n") + m_route.text();
    return text;
}

AgentTestConfig::AgentTestConfig(const QTemporaryDir &dir)
    : AgentTestConfig(dir.path())
{}

AgentTestConfig::AgentTestConfig(const QString &folder)
    : m_folder(folder)
{
    node(QStringLiteral("lab-1"));
    region(QStringLiteral("lab"));
    m_agent.set(QStringLiteral("api_socket"), toStringToml(apiSocket()));
    m_agent.set(QStringLiteral("bgp_socket"), toStringToml(bgpSocket()));
    m_agent.set(QStringLiteral("state_dir"), toStringToml(stateDir()));
    m_agent.set(QStringLiteral("http_listen"), toStringToml({}));
}

AgentTestConfig &AgentTestConfig::node(const QString &value)
{
    m_agent.set(QStringLiteral("node"), toStringToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::region(const QString &value)
{
    m_agent.set(QStringLiteral("region"), toStringToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::location(double latitude, double longitude)
{
    m_agent.set(QStringLiteral("location"),
                QStringLiteral("[%1, %2]").arg(number(latitude), number(longitude)));
    return *this;
}

AgentTestConfig &AgentTestConfig::operatorsGroup(const QString &value)
{
    m_agent.set(QStringLiteral("operators_group"), toStringToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::apiGroup(const QString &value)
{
    m_agent.set(QStringLiteral("api_group"), toStringToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::bgpGroup(const QString &value)
{
    m_agent.set(QStringLiteral("bgp_group"), toStringToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::history(std::chrono::milliseconds value)
{
    m_agent.set(QStringLiteral("history"), toDurationToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::httpListen(quint16 loopbackPort)
{
    m_agent.set(QStringLiteral("http_listen"),
                toStringToml(QStringLiteral("127.0.0.1:%1").arg(loopbackPort)));
    return *this;
}

AgentTestConfig &AgentTestConfig::fastPathInterval(std::chrono::milliseconds value)
{
    m_agent.set(QStringLiteral("fast_path_interval"), toDurationToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::sampleInterval(std::chrono::milliseconds value)
{
    m_agent.set(QStringLiteral("sample_interval"), toDurationToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::connectionWatchCpuPercent(double value)
{
    m_agent.set(QStringLiteral("connection_watch_cpu_percent"), number(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::localAs(quint32 value)
{
    m_bgp.set(QStringLiteral("local_as"), QString::number(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::nextHop(const QString &value)
{
    m_bgp.set(QStringLiteral("next_hop"), toStringToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::onAgentLoss(const QString &value)
{
    m_bgp.set(QStringLiteral("on_agent_loss"), toStringToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::flapBudget(int value)
{
    m_bgp.set(QStringLiteral("flap_budget"), QString::number(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::flapWindowSeconds(int value)
{
    m_bgp.set(QStringLiteral("flap_window_s"), QString::number(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::peers(const QStringList &urls)
{
    m_fleet.set(QStringLiteral("peers"), toStringArrayToml(urls));
    return *this;
}

AgentTestConfig &AgentTestConfig::minAnnouncing(int value)
{
    m_fleet.set(QStringLiteral("min_announcing"), QString::number(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::pollInterval(std::chrono::milliseconds value)
{
    m_fleet.set(QStringLiteral("poll_interval"), toDurationToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::pollTimeout(std::chrono::milliseconds value)
{
    m_fleet.set(QStringLiteral("poll_timeout"), toDurationToml(value));
    return *this;
}

AgentTestConfig &AgentTestConfig::sharedFaultCheck(bool value)
{
    m_fleet.set(QStringLiteral("shared_fault_check"), boolToml(value));
    return *this;
}

ServiceTestConfig &AgentTestConfig::addService(const QString &name, const QList<quint16> &ports)
{
    return m_services.emplace_back(name, ports);
}

ServiceTestConfig &AgentTestConfig::service(const QString &name)
{
    for (ServiceTestConfig &service : m_services) {
        if (service.name() == name)
            return service;
    }
    qFatal("AgentTestConfig: no service named %s was added", qPrintable(name));
}

AgentTestConfig &AgentTestConfig::extraLine(const QString &line)
{
    m_extraLines.append(line);
    return *this;
}

QString AgentTestConfig::text() const
{
    QString text = QStringLiteral("[agent]\n") + m_agent.text();
    if (!m_bgp.isEmpty())
        text += QStringLiteral("[bgp]\n") + m_bgp.text();
    if (!m_fleet.isEmpty())
        text += QStringLiteral("[fleet]\n") + m_fleet.text();
    for (const ServiceTestConfig &service : m_services)
        text += service.text();
    for (const QString &line : m_extraLines)
        text += line + QLatin1Char('\n');
    return text;
}

QString AgentTestConfig::write() const
{
    if (!QDir().mkpath(stateDir()))
        return {};
    QFile file(path());
    const QByteArray bytes = text().toUtf8();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return path();
}

QString AgentTestConfig::path() const
{
    return m_folder + QStringLiteral("/agent.toml");
}

QString AgentTestConfig::apiSocket() const
{
    return m_folder + QStringLiteral("/api.sock");
}

QString AgentTestConfig::bgpSocket() const
{
    return m_folder + QStringLiteral("/bgp.sock");
}

QString AgentTestConfig::stateDir() const
{
    return m_folder + QStringLiteral("/state");
}

} // namespace anycast::labtest
