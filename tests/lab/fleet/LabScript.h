#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>

namespace anycast::labtest {

// scripts/lab run as a process against one lab folder, with the binaries of this build.
class LabScript
{
public:
    struct Result
    {
        int exitCode = -1; // -1: did not finish in time (it was killed)
        QString output;    // stdout and stderr, merged
    };

    explicit LabScript(QString dir);

    Result run(const QStringList &arguments,
               std::chrono::seconds timeout = std::chrono::seconds(60)) const;

    // lab.json: what `up` started and where (nodes, upstream, ssh, processes).
    QJsonObject state() const;
    const QString &dir() const { return m_dir; }

private:
    QString m_dir;
};

} // namespace anycast::labtest
