#include "tests/anycastctl/CtlTestSupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonObject>
#include <QThread>

#include <sys/stat.h>
#include <unistd.h>

// A group named in the config that the host does not have must never lock root out: the
// agent keeps its API socket owner-only (it runs as root here, as CI does), says so loudly,
// and root can still drain with anycastctl; nobody else gets in.
namespace anycast::ctltest {
namespace {

const QString kMissingGroup = QStringLiteral("anycast-no-such-group-4c1e");

// The agent's log once it has said how its API socket is open: the mode is set just after
// the socket accepts its first connection, so reading it earlier would race.
QString logOnceListening(const QString &path)
{
    const QDeadlineTimer deadline(kPatience);
    for (;;) {
        QFile log(path);
        const QString text =
            log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
        if (text.contains(QStringLiteral("api: listening on")) || deadline.hasExpired())
            return text;
        QThread::msleep(20);
    }
}

mode_t socketMode(const QString &path)
{
    struct stat info
    {};
    EXPECT_EQ(::stat(QFile::encodeName(path).constData(), &info), 0);
    EXPECT_EQ(info.st_uid, ::geteuid());
    return info.st_mode & 07777;
}

TEST_F(CtlAgentTest, MissingOperatorsGroupLeavesRootAbleToDrain)
{
    ASSERT_NO_FATAL_FAILURE(startAgent({}, kMissingGroup));
    const QString text = logOnceListening(path(QStringLiteral("agent.log")));
    EXPECT_EQ(socketMode(socketPath()), 0600u);
    EXPECT_TRUE(text.contains(QStringLiteral("api: WARNING: api_group: group '%1' does not exist "
                                             "on this host, so %2 stays owner-only")
                                  .arg(kMissingGroup, socketPath())))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("api: WARNING: operators_group '%1' does not exist "
                                             "on this host: only root may drain and undrain")
                                  .arg(kMissingGroup)))
        << text.toStdString();
    EXPECT_TRUE(text.contains(
        QStringLiteral("api: listening on %1 (owner only, mode 0600;").arg(socketPath())))
        << text.toStdString();

    const CtlResult drain = ctl({QStringLiteral("drain"), QStringLiteral("--reason"),
                                 QStringLiteral("group missing, root drains anyway")});
    ASSERT_EQ(drain.exitCode, 0) << drain.err.toStdString();
    const QString state = statusJson()
                              .value(QStringLiteral("operator"))
                              .toObject()
                              .value(QStringLiteral("node_state"))
                              .toString();
    EXPECT_TRUE(state == QStringLiteral("draining") || state == QStringLiteral("drained"))
        << state.toStdString();

    constexpr uid_t kNobody = 65534;
    const CtlResult outsider = ctl({QStringLiteral("status")}, asUser(kNobody, kNobody));
    EXPECT_EQ(outsider.exitCode, 77) << outsider.err.toStdString();
}

TEST_F(CtlAgentTest, MissingApiGroupAloneStillLetsRootDrain)
{
    ASSERT_NO_FATAL_FAILURE(startAgent(kMissingGroup, QStringLiteral("root")));
    logOnceListening(path(QStringLiteral("agent.log")));
    EXPECT_EQ(socketMode(socketPath()), 0600u);
    const CtlResult drain = ctl(
        {QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("api_group typo")});
    EXPECT_EQ(drain.exitCode, 0) << drain.err.toStdString();
}

} // namespace
} // namespace anycast::ctltest
