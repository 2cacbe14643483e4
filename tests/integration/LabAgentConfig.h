#pragma once

#include <QFile>
#include <QTemporaryDir>

namespace anycast::labtest {

// Writes `dir`/agent.toml for a test's agent whose API socket, BGP socket and state live in
// `dir` as well, so that agents of parallel tests never share them. `agentKeys` are added to
// [agent] (one `key = value` a line); `rest` follows ([bgp], [[service]] ...). Returns the
// path, or an empty string when the file cannot be written.
inline QString writeLabAgentConfig(const QTemporaryDir &dir, const QString &agentKeys,
                                   const QString &rest)
{
    const QString path = dir.filePath(QStringLiteral("agent.toml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QStringLiteral("[agent]\nnode = \"lab-1\"\nregion = \"lab\"\n"
                              "api_socket = \"%1/api.sock\"\nbgp_socket = \"%1/bgp.sock\"\n"
                              "state_dir = \"%1\"\n")
                   .arg(dir.path())
                   .toUtf8() +
               agentKeys.toUtf8() + rest.toUtf8());
    return path;
}

} // namespace anycast::labtest
