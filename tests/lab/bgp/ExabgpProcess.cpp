#include "tests/lab/bgp/ExabgpProcess.h"

#include "tests/lab/bgp/LabSystem.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>

#include <algorithm>

namespace anycast::lab {

namespace {

QString exabgpLogName()
{
    return QStringLiteral("exabgp.log");
}

QString numberList(const QList<quint32> &numbers)
{
    QStringList parts;
    for (quint32 number : numbers)
        parts.append(QString::number(number));
    return parts.join(u' ');
}

bool hasConfigBreakingCharacters(const QString &word)
{
    return word.isEmpty() || word.contains(u';') || word.contains(u'{') || word.contains(u'}') ||
           std::any_of(word.begin(), word.end(), [](QChar c) { return c.isSpace(); });
}

} // namespace

ExabgpProcess::ExabgpProcess(ExabgpNodeConfig config)
    : m_config(std::move(config))
    , m_dir(QDir::tempPath() + QStringLiteral("/anycast-exabgp-XXXXXX"))
{}

ExabgpProcess::~ExabgpProcess()
{
    stop();
}

QString ExabgpProcess::configPath() const
{
    return m_dir.filePath(QStringLiteral("exabgp.conf"));
}

QString ExabgpProcess::renderConfig(const ExabgpNodeConfig &config, QString *error)
{
    QString text;
    if (config.localAddress.isEmpty() || config.peerPort == 0) {
        if (error)
            *error = QStringLiteral("ExaBGP node without a local address or peer port");
        return {};
    }
    if (config.api) {
        for (const QString &word : QStringList{config.api->name} + config.api->argv) {
            if (hasConfigBreakingCharacters(word)) {
                if (error)
                    *error = QStringLiteral("API process word '%1' cannot go into an ExaBGP "
                                            "config (whitespace, ';', braces or empty)")
                                 .arg(word);
                return {};
            }
        }
        if (config.api->argv.isEmpty()) {
            if (error)
                *error = QStringLiteral("API process without a command");
            return {};
        }
        text += QStringLiteral("process %1 {\n    run %2;\n    encoder json;\n}\n\n")
                    .arg(config.api->name, config.api->argv.join(u' '));
    }
    text += QStringLiteral("neighbor %1 {\n").arg(config.peerAddress);
    text += QStringLiteral("    router-id %1;\n    local-address %1;\n").arg(config.localAddress);
    text += QStringLiteral("    local-as %1;\n    peer-as %2;\n")
                .arg(config.localAs)
                .arg(config.peerAs);
    // `connect` is the remote port ExaBGP dials: GoBGP listens on a high port, not 179.
    text += QStringLiteral("    connect %1;\n").arg(config.peerPort);
    if (config.api) {
        text += QStringLiteral("    api {\n        processes [ %1 ];\n        neighbor-changes;\n"
                               "    }\n")
                    .arg(config.api->name);
    }
    if (!config.staticRoutes.isEmpty()) {
        text += QStringLiteral("    static {\n");
        for (const StaticRoute &route : config.staticRoutes) {
            QString line =
                QStringLiteral("        route %1 next-hop %2").arg(route.prefix, route.nextHop);
            if (route.med)
                line += QStringLiteral(" med %1").arg(*route.med);
            if (!route.communities.isEmpty())
                line += QStringLiteral(" community [ %1 ]").arg(route.communities.join(u' '));
            if (!route.asPath.isEmpty())
                line += QStringLiteral(" as-path [ %1 ]").arg(numberList(route.asPath));
            text += line + QStringLiteral(";\n");
        }
        text += QStringLiteral("    }\n");
    }
    text += QStringLiteral("}\n");
    return text;
}

bool ExabgpProcess::start()
{
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        m_lastError = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    const QString text = renderConfig(m_config, &m_lastError);
    if (text.isEmpty())
        return false;
    QFile config(configPath());
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        config.write(text.toUtf8()) < 0) {
        m_lastError = QStringLiteral("cannot write %1").arg(configPath());
        return false;
    }
    config.close();

    // Environment variables override /etc/exabgp/exabgp.env (dotted or underscored names).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("exabgp.daemon.daemonize"), QStringLiteral("false"));
    // ExaBGP drops privileges to this user (default 'exabgp'); staying ourselves needs no root.
    environment.insert(QStringLiteral("exabgp.daemon.user"), currentUserName());
    environment.insert(QStringLiteral("exabgp.daemon.pid"), QString());
    // No named pipes for `exabgp --run cli`: they would live in a shared folder.
    environment.insert(QStringLiteral("exabgp.api.cli"), QStringLiteral("false"));
    environment.insert(QStringLiteral("exabgp.log.destination"), QStringLiteral("stdout"));
    // Never listen: the default bind is '' but a host env file could set one, and port 179.
    environment.insert(QStringLiteral("exabgp.tcp.bind"), QString());
    // Python block-buffers stdout into a file; unbuffered, log() is current while it runs.
    environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(exabgpLogName()), QIODevice::Append);
    m_process.setWorkingDirectory(m_dir.path());
    m_process.start(QStringLiteral("exabgp"), {configPath()});
    if (!m_process.waitForStarted(5000)) {
        m_lastError = QStringLiteral("exabgp did not start: %1").arg(m_process.errorString());
        return false;
    }
    m_pid = m_process.processId();
    return true;
}

void ExabgpProcess::rememberChildren()
{
    if (m_pid <= 0)
        return;
    for (qint64 child : descendantsOf(m_pid)) {
        const QString commandLine = commandLineOf(child);
        if (!commandLine.isEmpty())
            m_children.append({child, commandLine});
    }
}

void ExabgpProcess::stopOrphans()
{
    stopForeignProcesses(m_children, std::chrono::seconds(2));
    m_children.clear();
}

void ExabgpProcess::stop(std::chrono::milliseconds grace)
{
    if (m_process.state() != QProcess::NotRunning)
        rememberChildren();
    stopProcess(m_process, grace);
    // ExaBGP ends its API processes on SIGTERM; this is for SIGKILL and for kill() earlier.
    stopOrphans();
}

void ExabgpProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    rememberChildren();
    m_process.kill();
    m_process.waitForFinished(5000);
}

bool ExabgpProcess::restart()
{
    stop();
    return start();
}

bool ExabgpProcess::isRunning()
{
    // Without an event loop QProcess learns of an exit only inside a wait call.
    if (m_process.state() != QProcess::NotRunning)
        m_process.waitForFinished(0);
    return m_process.state() != QProcess::NotRunning;
}

QString ExabgpProcess::log() const
{
    QFile file(m_dir.filePath(exabgpLogName()));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace anycast::lab
