#include "tests/lab/fleet/LabScript.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>

#include <signal.h>

namespace anycast::labtest {

LabScript::LabScript(QString dir)
    : m_dir(std::move(dir))
{}

LabScript::Result LabScript::run(const QStringList &arguments, std::chrono::seconds timeout) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ANYCAST_BIN_DIR"), QStringLiteral(ANYCAST_BIN_DIR));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("python3"),
                  QStringList{QStringLiteral(ANYCAST_SOURCE_DIR "/scripts/lab")} + arguments +
                      QStringList{QStringLiteral("--dir"), m_dir});
    Result result;
    if (!process.waitForFinished(static_cast<int>(timeout.count() * 1000))) {
        // SIGINT lets `up` stop what it started before it goes.
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        if (!process.waitForFinished(30000))
            process.kill();
        process.waitForFinished(5000);
        result.output = QString::fromUtf8(process.readAll()) +
                        QStringLiteral("\n(scripts/lab %1 timed out)").arg(arguments.join(u' '));
        return result;
    }
    result.output = QString::fromUtf8(process.readAll());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

QJsonObject LabScript::state() const
{
    QFile file(m_dir + QStringLiteral("/lab.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace anycast::labtest
