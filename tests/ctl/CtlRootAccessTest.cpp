#include "CtlTestSupport.h"

#include <QFile>
#include <QJsonObject>

#include <sys/stat.h>
#include <unistd.h>

// A group named in the config that the host does not have must never lock root out: the
// agent keeps its API socket owner-only (it runs as root here, as CI does), says so loudly,
// and root can still drain with anycastctl; nobody else gets in.
namespace anycast::ctltest {
namespace {

const QString kMissingGroup = QStringLiteral("anycast-no-such-group-4c1e");

TEST_F(CtlAgentTest, MissingOperatorsGroupLeavesRootAbleToDrain)
{
    ASSERT_NO_FATAL_FAILURE(startAgent({}, kMissingGroup));

    struct stat info
    {};
    ASSERT_EQ(::stat(QFile::encodeName(socketPath()).constData(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0600u);
    EXPECT_EQ(info.st_uid, ::geteuid());

    QFile log(path(QStringLiteral("agent.log")));
    ASSERT_TRUE(log.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(log.readAll());
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
    struct stat info
    {};
    ASSERT_EQ(::stat(QFile::encodeName(socketPath()).constData(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0600u);
    const CtlResult drain = ctl(
        {QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("api_group typo")});
    EXPECT_EQ(drain.exitCode, 0) << drain.err.toStdString();
}

} // namespace
} // namespace anycast::ctltest
