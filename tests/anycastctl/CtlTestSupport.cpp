#include "tests/anycastctl/CtlTestSupport.h"

#include "agent/anycastctl/AgentConnector.h"
#include "tests/integration/LoopbackListener.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QThread>

#include <arpa/inet.h>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace anycast::ctltest {
namespace {

bool readable(int fd, int milliseconds)
{
    pollfd wanted{fd, POLLIN, 0};
    return ::poll(&wanted, 1, milliseconds) > 0;
}

} // namespace

QString ctlBinary()
{
    return QStringLiteral(ANYCAST_BIN_DIR "/anycastctl");
}

QStringList asUser(uid_t uid, gid_t gid)
{
    return {QStringLiteral("setpriv"), QStringLiteral("--reuid=%1").arg(uid),
            QStringLiteral("--regid=%1").arg(gid), QStringLiteral("--groups=%1").arg(gid)};
}

CtlResult runCtl(const QStringList &arguments, const QStringList &runAs,
                 const QStringList &environment, const QString &binary)
{
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    variables.remove(QStringLiteral("ANYCAST_API_SOCKET"));
    for (const QString &assignment : environment)
        variables.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    QProcess process;
    process.setProcessEnvironment(variables);
    if (runAs.isEmpty())
        process.start(binary, arguments);
    else
        process.start(runAs.first(), runAs.mid(1) + QStringList{binary} + arguments);
    if (!process.waitForFinished(static_cast<int>(kPatience.count()))) {
        ADD_FAILURE() << "anycastctl " << arguments.join(u' ').toStdString() << " did not finish";
        process.kill();
        process.waitForFinished(5000);
    }
    CtlResult result{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                     QString::fromUtf8(process.readAllStandardOutput()),
                     QString::fromUtf8(process.readAllStandardError())};
    std::fprintf(stderr, "  $ anycastctl %s -> %d\n%s", qPrintable(arguments.join(u' ')),
                 result.exitCode, qPrintable(result.err));
    return result;
}

FakeAgent::FakeAgent(const QString &path, QByteArray reply, bool closeAtOnce)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    std::memcpy(address.sun_path, encoded.constData(),
                std::min(sizeof(address.sun_path) - 1, static_cast<size_t>(encoded.size())));
    m_fd.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (::bind(m_fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0 ||
        ::listen(m_fd.get(), 4) != 0) {
        m_fd.reset();
        return;
    }
    m_thread =
        std::thread([this, reply = std::move(reply), closeAtOnce] { serve(reply, closeAtOnce); });
}

FakeAgent::~FakeAgent()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void FakeAgent::serve(QByteArray reply, bool closeAtOnce)
{
    // Short polls, so the destructor never waits long for this thread.
    constexpr int kTick = 50;
    while (!m_stop && !readable(m_fd.get(), kTick)) {
    }
    if (m_stop)
        return;
    const FileDescriptor client(::accept4(m_fd.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (!client.valid())
        return;
    if (!closeAtOnce) {
        QByteArray request;
        while (!m_stop && !request.contains('\n')) {
            if (!readable(client.get(), kTick))
                continue;
            char chunk[4096];
            const ssize_t got = ::recv(client.get(), chunk, sizeof(chunk), 0);
            if (got <= 0)
                break;
            request.append(chunk, got);
        }
        if (!reply.isEmpty())
            (void)!::send(client.get(), reply.constData(), static_cast<size_t>(reply.size()),
                          MSG_NOSIGNAL);
        while (!m_stop)
            std::this_thread::sleep_for(std::chrono::milliseconds(kTick));
    }
}

void CtlAgentTest::SetUp()
{
    ASSERT_EQ(::geteuid(), 0u) << "these tests start the agent as root and switch users, as CI";
    ASSERT_TRUE(m_dir.isValid());
    ASSERT_EQ(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755), 0);
    ASSERT_TRUE(QDir().mkpath(stateDir()));
    m_ctlCopy = path(QStringLiteral("anycastctl"));
    ASSERT_TRUE(QFile::copy(ctlBinary(), m_ctlCopy));
    ASSERT_EQ(::chmod(QFile::encodeName(m_ctlCopy).constData(), 0755), 0);
    // A plain listening socket is all the sampler needs to see the service's listener.
    m_service.reset(labtest::listenOnLoopback(&m_servicePort));
    ASSERT_GE(m_service.get(), 0);
}

void CtlAgentTest::TearDown()
{
    m_agent.reset();
    if (HasFailure()) {
        QFile log(path(QStringLiteral("agent.log")));
        if (log.open(QIODevice::ReadOnly))
            std::fprintf(stderr, "--- agent log ---\n%s", log.readAll().constData());
    }
    m_service.reset();
}

void CtlAgentTest::startAgent(const QString &apiGroup, const QString &operatorsGroup)
{
    labtest::AgentTestConfig config(m_dir);
    config.node(QStringLiteral("ctl-1"))
        .region(QStringLiteral("ctl-region"))
        .operatorsGroup(operatorsGroup)
        .sampleInterval(std::chrono::milliseconds(200));
    if (!apiGroup.isEmpty())
        config.apiGroup(apiGroup);
    config.addService(QStringLiteral("web"), {m_servicePort})
        .prefixes({QStringLiteral("192.0.2.1/32")});
    const QString configPath = config.write();
    ASSERT_FALSE(configPath.isEmpty()) << "cannot write " << config.path().toStdString();
    m_agent =
        std::make_unique<labtest::AgentProcess>(configPath, path(QStringLiteral("agent.log")));
    const QDeadlineTimer deadline(kPatience);
    for (;;) {
        const auto probe = AgentConnector::connect(socketPath(), std::chrono::milliseconds(1000));
        if (const int *fd = std::get_if<int>(&probe)) {
            ::close(*fd);
            return;
        }
        ASSERT_FALSE(deadline.hasExpired()) << "the agent's API socket never accepted";
        QThread::msleep(20);
    }
}

void CtlAgentTest::killAgent()
{
    ASSERT_TRUE(m_agent);
    m_agent->kill();
}

CtlResult CtlAgentTest::ctl(const QStringList &arguments, const QStringList &runAs) const
{
    return runCtl(QStringList{QStringLiteral("--socket"), socketPath()} + arguments, runAs, {},
                  runAs.isEmpty() ? ctlBinary() : m_ctlCopy);
}

QJsonObject CtlAgentTest::statusJson() const
{
    const CtlResult status = ctl({QStringLiteral("status"), QStringLiteral("--json")});
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    return parseObject(status.out);
}

std::optional<QString> waitForOutputLine(QProcess &process, QByteArray &buffer,
                                         const std::function<bool(const QString &)> &wanted)
{
    const QDeadlineTimer deadline(kPatience);
    for (;;) {
        for (qsizetype newline; (newline = buffer.indexOf('\n')) >= 0;) {
            const QString line = QString::fromUtf8(buffer.left(newline));
            buffer.remove(0, newline + 1);
            if (wanted(line))
                return line;
        }
        const bool finished = process.state() == QProcess::NotRunning;
        if (!finished) {
            process.waitForReadyRead(
                static_cast<int>(std::min<qint64>(deadline.remainingTime(), 200)));
        }
        buffer += process.readAllStandardOutput();
        if ((finished || deadline.hasExpired()) && !buffer.contains('\n'))
            return std::nullopt;
    }
}

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError)
        << error.errorString().toStdString() << " in " << text.left(200).toStdString();
    return document.object();
}

} // namespace anycast::ctltest
