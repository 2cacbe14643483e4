#include "tests/lab/bgp/BgpLab.h"

#include <QElapsedTimer>

#include <algorithm>

namespace anycast::lab {

BgpLab::~BgpLab()
{
    stop();
}

int BgpLab::addNode(ExabgpNodeConfig config)
{
    for (int host = 2; config.localAddress.isEmpty(); ++host) {
        const QString candidate = QStringLiteral("127.0.0.%1").arg(host);
        if (std::none_of(m_configs.begin(), m_configs.end(), [&](const ExabgpNodeConfig &other) {
                return other.localAddress == candidate;
            }))
            config.localAddress = candidate;
    }
    m_configs.push_back(std::move(config));
    return nodeCount() - 1;
}

bool BgpLab::start(std::chrono::milliseconds timeout)
{
    QElapsedTimer timer;
    timer.start();
    for (const ExabgpNodeConfig &config : m_configs)
        m_gobgp.addNeighbor(config.localAddress, config.localAs);
    if (!m_gobgp.start(timeout)) {
        m_lastError = m_gobgp.lastError();
        return false;
    }
    QElapsedTimer nodesTimer;
    nodesTimer.start();
    for (ExabgpNodeConfig config : m_configs) {
        config.peerPort = m_gobgp.bgpPort();
        config.peerAs = m_gobgp.localAs();
        m_nodes.push_back(std::make_unique<ExabgpProcess>(std::move(config)));
        if (!m_nodes.back()->start()) {
            m_lastError = m_nodes.back()->lastError();
            return false;
        }
    }
    for (const auto &node : m_nodes) {
        const auto left = timeout - std::chrono::milliseconds(timer.elapsed());
        if (!m_gobgp.waitEstablished(node->config().localAddress,
                                     std::max(left, std::chrono::milliseconds(0)))) {
            m_lastError = QStringLiteral("%1 not Established after %2 ms (%3)")
                              .arg(node->config().localAddress)
                              .arg(timer.elapsed())
                              .arg(m_gobgp.lastError());
            return false;
        }
    }
    m_establishedAfter = std::chrono::milliseconds(nodesTimer.elapsed());
    return true;
}

void BgpLab::stop()
{
    while (!m_nodes.empty()) {
        m_nodes.back()->stop();
        m_nodes.pop_back();
    }
    m_gobgp.stop();
}

bool BgpLab::stopNode(int index, std::chrono::milliseconds timeout)
{
    ExabgpProcess &exabgp = node(index);
    exabgp.stop();
    if (!m_gobgp.waitNotEstablished(exabgp.config().localAddress, timeout)) {
        m_lastError = QStringLiteral("%1 still Established after stop (%2)")
                          .arg(exabgp.config().localAddress, m_gobgp.lastError());
        return false;
    }
    return true;
}

bool BgpLab::startNode(int index, std::chrono::milliseconds timeout)
{
    QElapsedTimer timer;
    timer.start();
    ExabgpProcess &exabgp = node(index);
    const QString address = exabgp.config().localAddress;
    if (!m_gobgp.waitAcceptingConnections(address, timeout)) {
        m_lastError = QStringLiteral("GoBGP never went back to Active for %1 (%2)")
                          .arg(address, m_gobgp.lastError());
        return false;
    }
    if (!exabgp.start()) {
        m_lastError = exabgp.lastError();
        return false;
    }
    const auto left = timeout - std::chrono::milliseconds(timer.elapsed());
    if (!m_gobgp.waitEstablished(address, std::max(left, std::chrono::milliseconds(0)))) {
        m_lastError = QStringLiteral("%1 not Established after restart (%2)")
                          .arg(address, m_gobgp.lastError());
        return false;
    }
    return true;
}

bool BgpLab::restartNode(int index, std::chrono::milliseconds timeout)
{
    return stopNode(index, timeout) && startNode(index, timeout);
}

QString BgpLab::diagnostics() const
{
    QString text =
        m_lastError +
        QStringLiteral("\n--- gobgpd %1 ---\n%2").arg(m_gobgp.configPath(), m_gobgp.log());
    for (const auto &node : m_nodes) {
        text +=
            QStringLiteral("--- exabgp %1 ---\n%2").arg(node->config().localAddress, node->log());
    }
    return text;
}

} // namespace anycast::lab
