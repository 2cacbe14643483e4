#pragma once

#include "tests/lab/bgp/ExabgpProcess.h"
#include "tests/lab/bgp/GobgpDaemon.h"

#include <memory>
#include <vector>

namespace anycast::lab {

// The whole lab: one GoBGP route collector and N ExaBGP nodes on 127.0.0.2, .3 ...
// Typical use:
//     BgpLab lab;
//     lab.addNode({.staticRoutes = {...}});
//     ASSERT_TRUE(lab.start()) << lab.diagnostics();
//     auto route = lab.gobgp().waitForRoute("192.0.2.1/32");
// Teardown (destructor or stop()) runs in reverse: nodes first, then GoBGP.
class BgpLab
{
public:
    BgpLab() = default;
    ~BgpLab();
    BgpLab(const BgpLab &) = delete;
    BgpLab &operator=(const BgpLab &) = delete;

    // Before start(). An empty localAddress gets the next free 127.0.0.x (x from 2); the peer
    // port is filled in by start(). Returns the node's index.
    int addNode(ExabgpNodeConfig config = {});

    // Starts GoBGP with one passive neighbor per node, then every node, and waits until all
    // sessions are Established. False with diagnostics() telling why.
    bool start(std::chrono::milliseconds timeout = std::chrono::seconds(20));
    void stop();

    // Stops node `index` and waits until GoBGP has seen the session go down.
    bool stopNode(int index, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // Starts node `index` again once GoBGP accepts its connection (see
    // GobgpDaemon::waitAcceptingConnections) and waits for Established.
    bool startNode(int index, std::chrono::milliseconds timeout = std::chrono::seconds(20));
    bool restartNode(int index, std::chrono::milliseconds timeout = std::chrono::seconds(20));

    GobgpDaemon &gobgp() { return m_gobgp; }
    ExabgpProcess &node(int index) { return *m_nodes.at(static_cast<size_t>(index)); }
    int nodeCount() const { return static_cast<int>(m_configs.size()); }
    // Time from starting the nodes to the last session Established, for the test output.
    std::chrono::milliseconds establishedAfter() const { return m_establishedAfter; }

    // The last error plus every daemon's log, for a failed assertion's message.
    QString diagnostics() const;

private:
    GobgpDaemon m_gobgp;
    std::vector<ExabgpNodeConfig> m_configs;
    std::vector<std::unique_ptr<ExabgpProcess>> m_nodes;
    std::chrono::milliseconds m_establishedAfter{0};
    QString m_lastError;
};

} // namespace anycast::lab
