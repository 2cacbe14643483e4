#include "tests/sshlab/LabAgent.h"

#include "tests/integration/LoopbackListener.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QThread>

namespace anycast::sshlab {

LabAgent::LabAgent(QString folder, QString node, LabAgentOptions options)
    : m_folder(std::move(folder))
    , m_node(std::move(node))
    , m_options(std::move(options))
{}

LabAgent::~LabAgent()
{
    stop();
    dropConnections();
}

QString LabAgent::start()
{
    if (!m_service.valid())
        m_service.reset(labtest::listenOnLoopback(&m_servicePort));
    if (!m_service.valid())
        return QStringLiteral("no loopback port for the agent's service");
    QDir().mkpath(m_folder + QStringLiteral("/state"));
    const QString config = m_folder + QStringLiteral("/agent.toml");
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return file.errorString();
    const QString apiGroup = m_options.apiGroup.isEmpty()
                                 ? QString()
                                 : QStringLiteral("api_group = \"%1\"\n").arg(m_options.apiGroup);
    const QString location = m_options.location
                                 ? QStringLiteral("location = [%1, %2]\n")
                                       .arg(QString::number((*m_options.location)[0], 'f', 6),
                                            QString::number((*m_options.location)[1], 'f', 6))
                                 : QString();
    file.write(QStringLiteral("[agent]\nnode = \"%1\"\nregion = \"%5\"\n"
                              "api_socket = \"%2\"\nbgp_socket = \"%3/bgp.sock\"\n"
                              "state_dir = \"%3/state\"\nhttp_listen = \"\"\n"
                              "operators_group = \"%6\"\n%7%9sample_interval = \"200ms\"\n\n"
                              "[[service]]\nname = \"web\"\nports = [%4]\n"
                              "prefixes = [\"192.0.2.1/32\"]\n%8")
                   .arg(m_node, socketPath(), m_folder)
                   .arg(m_servicePort)
                   .arg(m_options.region, m_options.operatorsGroup, apiGroup, m_options.extraToml,
                        location)
                   .toUtf8());
    file.close();
    m_process =
        std::make_unique<labtest::AgentProcess>(config, m_folder + QStringLiteral("/agent.log"));
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        QLocalSocket probe;
        probe.connectToServer(socketPath());
        if (probe.waitForConnected(200))
            return {};
        QThread::msleep(20);
    }
    return QStringLiteral("the agent's API never accepted; its log:\n%1").arg(log());
}

bool LabAgent::holdConnections(int count)
{
    for (int i = 0; i < count; ++i) {
        FileDescriptor client(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(m_servicePort);
        if (!client.valid() || ::connect(client.get(), reinterpret_cast<const sockaddr *>(&address),
                                         sizeof address) != 0)
            return false;
        m_connections.push_back(std::move(client));
        FileDescriptor accepted(::accept4(m_service.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!accepted.valid())
            return false;
        m_connections.push_back(std::move(accepted));
    }
    return true;
}

void LabAgent::dropConnections()
{
    m_connections.clear();
}

void LabAgent::stop()
{
    m_process.reset();
}

QString LabAgent::log() const
{
    QFile file(m_folder + QStringLiteral("/agent.log"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace anycast::sshlab
