#include "tests/sshlab/LabAgent.h"

#include "tests/integration/LoopbackListener.h"
#include "tests/support/AgentTestConfig.h"

#include <QDeadlineTimer>
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

QString LabAgent::socketPath() const
{
    return labtest::AgentTestConfig(m_folder).apiSocket();
}

QString LabAgent::start()
{
    if (!m_service.valid())
        m_service.reset(labtest::listenOnLoopback(&m_servicePort));
    if (!m_service.valid())
        return QStringLiteral("no loopback port for the agent's service");
    labtest::AgentTestConfig config(m_folder);
    config.node(m_node)
        .region(m_options.region)
        .operatorsGroup(m_options.operatorsGroup)
        .sampleInterval(std::chrono::milliseconds(200));
    if (!m_options.apiGroup.isEmpty())
        config.apiGroup(m_options.apiGroup);
    if (m_options.location)
        config.location((*m_options.location)[0], (*m_options.location)[1]);
    config.addService(QStringLiteral("web"), {m_servicePort})
        .prefixes({QStringLiteral("192.0.2.1/32")});
    if (!m_options.extraToml.isEmpty())
        config.extraLine(m_options.extraToml);
    const QString configPath = config.write();
    if (configPath.isEmpty())
        return QStringLiteral("cannot write %1 or its state folder").arg(config.path());
    m_process = std::make_unique<labtest::AgentProcess>(configPath,
                                                        m_folder + QStringLiteral("/agent.log"));
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
