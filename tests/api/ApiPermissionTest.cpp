#include "agent/support/FileDescriptor.h"
#include "tests/api/AgentApiFixture.h"
#include "tests/support/TemporaryAccount.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <functional>
#include <grp.h>
#include <memory>
#include <poll.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

// Who may connect and who may drain: identities come from the kernel, so the test makes a
// real user and group and talks to the agent as that user from a forked child.
namespace anycast::apitest {
namespace {

struct Identity
{
    uid_t uid = 0;
    gid_t gid = 0;
};

// Runs `body` in a forked child that is `who` (that uid and gid, no other groups) and returns
// what it returned, through a pipe. The test process runs no other threads, so the child may
// allocate and use the client like the parent.
QByteArray runAs(Identity who, const std::function<QByteArray()> &body)
{
    int channel[2];
    if (::pipe2(channel, O_CLOEXEC) != 0)
        return "pipe failed";
    FileDescriptor reading(channel[0]);
    FileDescriptor writing(channel[1]);
    const pid_t child = ::fork();
    if (child == 0) {
        reading.reset();
        const bool dropped =
            ::setgroups(1, &who.gid) == 0 && ::setgid(who.gid) == 0 && ::setuid(who.uid) == 0;
        const QByteArray output = dropped ? body() : QByteArray("setuid failed");
        for (qsizetype done = 0; done < output.size();) {
            const ssize_t written = ::write(writing.get(), output.constData() + done,
                                            static_cast<size_t>(output.size() - done));
            if (written <= 0)
                break;
            done += written;
        }
        ::_exit(0);
    }
    writing.reset();
    QByteArray output;
    const QDeadlineTimer deadline(kPatience + 5s);
    for (;;) {
        pollfd wanted{reading.get(), POLLIN, 0};
        if (::poll(&wanted, 1, static_cast<int>(deadline.remainingTime())) <= 0)
            break;
        char chunk[4096];
        const ssize_t got = ::read(reading.get(), chunk, sizeof(chunk));
        if (got <= 0)
            break;
        output.append(chunk, got);
    }
    reading.reset();
    if (child > 0) {
        int status = 0;
        ::waitpid(child, &status, 0);
    }
    return output;
}

// What `who` gets for `requests` on a connection of its own: "E<errno>" when it cannot
// connect, else one reply line per request line.
QByteArray exchangeAs(Identity who, const QString &socketPath, const QByteArray &requests)
{
    return runAs(who, [&] {
        ApiTestClient client(socketPath);
        if (!client.connected())
            return QByteArray("E") + QByteArray::number(client.connectError());
        if (!client.sendRaw(requests))
            return QByteArray("send failed");
        QByteArray replies;
        for (qsizetype left = requests.count('\n'); left > 0; --left) {
            const auto line = client.readLine();
            if (!line)
                break;
            replies += *line + '\n';
        }
        return replies;
    });
}

// A system group and a user in it, made for one test and removed after it, whatever happens.
class OperatorApiTest : public AgentApiTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(AgentApiTest::SetUp());
        ASSERT_EQ(m_account.create(), QString());
        m_group = m_account.group();
        m_user = m_account.user();
        m_identity = {m_account.uid(), m_account.gid()};
        // Others must reach the socket inside the temporary folder (0700 by default).
        ASSERT_EQ(::chmod(QFile::encodeName(m_dir.path()).constData(), 0711), 0);
    }

    labtest::TemporaryAccount m_account{QStringLiteral("anycast-t-") + QString::number(::getpid()),
                                        QStringLiteral("anycast-g-") + QString::number(::getpid())};
    QString m_group;
    QString m_user;
    Identity m_identity;
};

TEST_F(OperatorApiTest, ReaderMayReadButNotDrainAndTheRefusalIsAudited)
{
    m_config.apiGroup(m_group);
    ASSERT_NO_FATAL_FAILURE(writeConfig());
    ASSERT_NO_FATAL_FAILURE(startAgent());
    struct stat socketInfo
    {};
    ASSERT_EQ(::stat(QFile::encodeName(socketPath()).constData(), &socketInfo), 0);
    EXPECT_EQ(socketInfo.st_mode & 07777, 0660u);
    EXPECT_EQ(socketInfo.st_gid, m_identity.gid);

    const QByteArray requests =
        requestLine(1, QStringLiteral("hello")) +
        requestLine(2, QStringLiteral("drain"),
                    {{QStringLiteral("reason"), QStringLiteral("not mine to drain")},
                     {QStringLiteral("ticket"), QStringLiteral("NOPE-1")}}) +
        requestLine(3, QStringLiteral("undrain"),
                    {{QStringLiteral("reason"), QStringLiteral("nor to undrain")}});
    const QByteArray output = exchangeAs(m_identity, socketPath(), requests);
    const QList<QByteArray> lines = output.split('\n');
    ASSERT_GE(lines.size(), 3) << output.toStdString();

    const QJsonObject hello = result(QJsonDocument::fromJson(lines[0]).object());
    EXPECT_EQ(hello.value(QStringLiteral("rights")).toArray(), QJsonArray{QStringLiteral("read")})
        << lines[0].toStdString();
    const QJsonObject caller = hello.value(QStringLiteral("caller")).toObject();
    EXPECT_EQ(caller.value(QStringLiteral("user")).toString(), m_user);
    EXPECT_EQ(caller.value(QStringLiteral("uid")).toInteger(), m_identity.uid);
    EXPECT_TRUE(caller.value(QStringLiteral("groups")).toArray().contains(m_group));

    for (int i : {1, 2}) {
        const QJsonObject refused = QJsonDocument::fromJson(lines[i]).object();
        EXPECT_EQ(refused.value(QStringLiteral("id")).toInt(), i + 1);
        EXPECT_EQ(errorCode(refused), -32001) << lines[i].toStdString();
        const QString message = errorOf(refused).value(QStringLiteral("message")).toString();
        EXPECT_TRUE(message.contains(QStringLiteral("'root'"))) << message.toStdString();
        EXPECT_TRUE(message.contains(m_user)) << message.toStdString();
        EXPECT_EQ(errorOf(refused)
                      .value(QStringLiteral("data"))
                      .toObject()
                      .value(QStringLiteral("required_group"))
                      .toString(),
                  QStringLiteral("root"));
    }

    const QList<QJsonObject> audit = auditEntries();
    ASSERT_EQ(audit.size(), 2) << readFile(auditPath()).toStdString();
    EXPECT_EQ(audit[0].value(QStringLiteral("who")).toString(), m_user);
    EXPECT_EQ(audit[0].value(QStringLiteral("uid")).toInteger(), m_identity.uid);
    EXPECT_EQ(audit[0].value(QStringLiteral("action")).toString(), QStringLiteral("drain"));
    EXPECT_EQ(audit[0].value(QStringLiteral("reason")).toString(),
              QStringLiteral("not mine to drain"));
    EXPECT_TRUE(
        audit[0].value(QStringLiteral("result")).toString().startsWith(QStringLiteral("refused")))
        << compact(audit[0]).toStdString();
    EXPECT_EQ(audit[1].value(QStringLiteral("action")).toString(), QStringLiteral("undrain"));
    EXPECT_FALSE(QFile::exists(statePath()));

    // Root, on the same agent, still may.
    auto root = connectClient();
    ASSERT_TRUE(root->connected());
    EXPECT_EQ(result(root->call(QStringLiteral("status")))
                  .value(QStringLiteral("operator"))
                  .toObject()
                  .value(QStringLiteral("node_state"))
                  .toString(),
              QStringLiteral("active"));
}

// A reader repeating a refused drain as fast as it can: each refusal is answered, but the
// audit log gets one record at once and one count when the window ends, not 300 flushed lines.
TEST_F(OperatorApiTest, RefusedDrainFloodCostsBoundedBytesAndEndsInACount)
{
    constexpr int kAttempts = 300;
    m_config.apiGroup(m_group);
    ASSERT_NO_FATAL_FAILURE(writeConfig());
    ASSERT_NO_FATAL_FAILURE(startAgent());
    QByteArray requests;
    for (int i = 0; i < kAttempts; ++i) {
        requests += requestLine(i + 1, QStringLiteral("drain"),
                                {{QStringLiteral("reason"), QStringLiteral("flood %1").arg(i)}});
    }
    const QByteArray output = exchangeAs(m_identity, socketPath(), requests);
    const QList<QByteArray> replies = output.split('\n');
    ASSERT_GE(replies.size(), kAttempts) << output.left(2000).toStdString();
    for (int i = 0; i < kAttempts; ++i)
        ASSERT_EQ(errorCode(QJsonDocument::fromJson(replies[i]).object()), -32001) << i;

    // One refused record so far: a few hundred bytes, where one record per refusal would be
    // ~70 KB.
    constexpr qsizetype kBound = 2048;
    const qsizetype bytesNow = readFile(auditPath()).size();
    EXPECT_LE(bytesNow, kBound / 2) << readFile(auditPath()).toStdString();
    QList<QJsonObject> audit = auditEntries();
    ASSERT_EQ(audit.size(), 1) << readFile(auditPath()).toStdString();
    EXPECT_EQ(audit[0].value(QStringLiteral("kind")).toString(), QStringLiteral("refused"));
    EXPECT_EQ(audit[0].value(QStringLiteral("reason")).toString(), QStringLiteral("flood 0"));
    EXPECT_EQ(audit[0].value(QStringLiteral("uid")).toInteger(), m_identity.uid);

    // The count follows when the window (10 s) ends.
    const QDeadlineTimer deadline(kPatience + 10s);
    while (auditEntries().size() < 2 && !deadline.hasExpired())
        QThread::msleep(100);
    audit = auditEntries();
    ASSERT_EQ(audit.size(), 2) << readFile(auditPath()).toStdString();
    const QJsonObject count = audit[1];
    EXPECT_EQ(count.value(QStringLiteral("kind")).toString(), QStringLiteral("refusals"));
    EXPECT_EQ(count.value(QStringLiteral("who")).toString(), m_user);
    EXPECT_EQ(count.value(QStringLiteral("action")).toString(), QStringLiteral("drain"));
    EXPECT_EQ(count.value(QStringLiteral("result")).toString(),
              QStringLiteral("refused: permission denied"));
    EXPECT_EQ(
        count.value(QStringLiteral("extra")).toObject().value(QStringLiteral("count")).toInt(),
        kAttempts - 1)
        << compact(count).toStdString();
    EXPECT_LE(readFile(auditPath()).size(), kBound) << readFile(auditPath()).toStdString();
    EXPECT_FALSE(QFile::exists(statePath()));
}

TEST_F(OperatorApiTest, UserOutsideTheApiGroupCannotConnect)
{
    m_config.apiGroup(m_group);
    ASSERT_NO_FATAL_FAILURE(writeConfig());
    ASSERT_NO_FATAL_FAILURE(startAgent());
    constexpr Identity kNobody{65534, 65534};
    const QByteArray output =
        exchangeAs(kNobody, socketPath(), requestLine(1, QStringLiteral("hello")));
    EXPECT_EQ(output, QByteArray("E") + QByteArray::number(EACCES)) << output.toStdString();
    // The group's member still gets in, as a reader.
    const QByteArray member =
        exchangeAs(m_identity, socketPath(), requestLine(1, QStringLiteral("hello")));
    EXPECT_EQ(result(QJsonDocument::fromJson(member.split('\n').value(0)).object())
                  .value(QStringLiteral("rights"))
                  .toArray(),
              QJsonArray{QStringLiteral("read")})
        << member.toStdString();
}

TEST_F(OperatorApiTest, OtherUsersAreCappedAt32ConnectionsEach)
{
    m_config.apiGroup(m_group);
    ASSERT_NO_FATAL_FAILURE(writeConfig());
    ASSERT_NO_FATAL_FAILURE(startAgent());
    const QString socket = socketPath();
    const QByteArray output = runAs(m_identity, [&] {
        std::vector<std::unique_ptr<ApiTestClient>> mine;
        for (int i = 0; i < 32; ++i) {
            mine.push_back(std::make_unique<ApiTestClient>(socket));
            if (!mine.back()->connected())
                return QByteArray("connect failed");
        }
        // Each of the 32 is in (answers), and the 33rd is refused.
        for (const auto &client : mine) {
            if (!client->call(QStringLiteral("hello")).contains(QStringLiteral("result")))
                return QByteArray("no hello");
        }
        ApiTestClient extra(socket);
        const QJsonObject refusal = extra.readMessage().value_or(QJsonObject());
        const bool closed = extra.waitClosed();
        const bool firstAnswers =
            mine.front()->call(QStringLiteral("hello")).contains(QStringLiteral("result"));
        return QJsonDocument(QJsonObject{{QStringLiteral("refusal"), refusal},
                                         {QStringLiteral("closed"), closed},
                                         {QStringLiteral("first_answers"), firstAnswers}})
            .toJson(QJsonDocument::Compact);
    });
    const QJsonObject seen = QJsonDocument::fromJson(output).object();
    ASSERT_FALSE(seen.isEmpty()) << output.toStdString();
    const QJsonObject refusal = seen.value(QStringLiteral("refusal")).toObject();
    EXPECT_EQ(errorCode(refusal), -32005) << output.toStdString();
    EXPECT_TRUE(errorOf(refusal).value(QStringLiteral("message")).toString().contains(m_user))
        << output.toStdString();
    EXPECT_TRUE(seen.value(QStringLiteral("closed")).toBool());
    EXPECT_TRUE(seen.value(QStringLiteral("first_answers")).toBool());
    // Root is not that user: it still gets in.
    auto root = connectClient();
    ASSERT_TRUE(root->connected());
    EXPECT_TRUE(root->call(QStringLiteral("hello")).contains(QStringLiteral("result")));
}

} // namespace
} // namespace anycast::apitest
