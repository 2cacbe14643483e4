#pragma once

#include "tests/integration/AgentProcess.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace anycast::test {

// The real anycast-agent in a temporary folder of its own (short enough for sun_path): API
// and BGP sockets, state, /status and /metrics on a free 127.0.0.1 port, one service on a
// port nobody listens on (so it is down and its prefix withdrawn), [bgp] set so that it
// talks to a bridge. Its log goes to a file: a flood must not fill a pipe nobody reads.
class RuntimeAgent
{
public:
    RuntimeAgent();

    // Starts the agent and waits until /status answers; false when it never does.
    bool start();
    labtest::AgentProcess &process() { return *m_process; }
    quint16 httpPort() const { return m_httpPort; }
    QString bgpSocket() const;
    QString apiSocket() const;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // GET /status and /metrics; empty when the agent does not answer.
    QJsonObject status() const;
    QByteArray metrics() const;
    // VmRSS of the agent process in KiB, 0 if unreadable.
    quint64 rssKb() const;

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/acrt-XXXXXX")};
    quint16 m_httpPort = 0;
    std::unique_ptr<labtest::AgentProcess> m_process;
};

} // namespace anycast::test
