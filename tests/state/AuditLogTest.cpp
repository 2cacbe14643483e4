#include "AuditLog.h"

#include "StateTestSupport.h"
#include "UnprivilegedChild.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

namespace anycast {
namespace {

AuditEntry sampleEntry(const QString &action = QStringLiteral("drain"))
{
    AuditEntry entry;
    entry.time = QDateTime::fromMSecsSinceEpoch(1714566896789, Qt::UTC);
    entry.who = QStringLiteral("alice");
    entry.uid = 1001;
    entry.pid = 4242;
    entry.action = action;
    entry.target = QStringLiteral("https");
    entry.reason = QStringLiteral("kernel upgrade");
    entry.ticket = QStringLiteral("OPS-1234");
    entry.mode = QStringLiteral("graceful");
    entry.result = QStringLiteral("accepted");
    entry.extra = {{QStringLiteral("prefixes"), QJsonArray{QStringLiteral("192.0.2.1/32")}}};
    return entry;
}

class AuditLogTest : public ::testing::Test
{
protected:
    QStringList folderEntries() const
    {
        return QDir(m_folder.path())
            .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    }

    QTemporaryDir m_folder;
    QString m_path = m_folder.filePath(QStringLiteral("audit.log"));
};

TEST_F(AuditLogTest, AppendsOneCompactLinePerEntry)
{
    const AuditLog log(m_path);
    EXPECT_EQ(log.path(), m_path);
    ASSERT_TRUE(log.append(sampleEntry()).ok());
    AuditEntry undrain = sampleEntry(QStringLiteral("undrain"));
    undrain.target.clear();
    undrain.mode.clear();
    undrain.extra = {};
    ASSERT_TRUE(log.append(undrain).ok());

    const QByteArray bytes = test::readBytes(m_path);
    EXPECT_EQ(bytes.count('\n'), 2);
    EXPECT_TRUE(bytes.endsWith('\n'));
    EXPECT_FALSE(bytes.contains("\n\n"));
    EXPECT_FALSE(bytes.contains(": ")) << "not compact: " << bytes.constData();
    EXPECT_EQ(test::permissionsOf(m_path) & 0137, mode_t(0)) << "at most 0640";

    const auto lines = AuditLog::readAll(m_path);
    ASSERT_TRUE(lines.ok()) << lines.error().toStdString();
    ASSERT_EQ(lines->size(), 2);
    const QJsonObject first = lines->at(0);
    EXPECT_EQ(first.value(QStringLiteral("time")).toString(),
              QStringLiteral("2024-05-01T12:34:56.789Z"));
    EXPECT_EQ(first.value(QStringLiteral("who")).toString(), QStringLiteral("alice"));
    EXPECT_EQ(first.value(QStringLiteral("uid")).toInteger(), 1001);
    EXPECT_EQ(first.value(QStringLiteral("pid")).toInteger(), 4242);
    EXPECT_EQ(first.value(QStringLiteral("action")).toString(), QStringLiteral("drain"));
    EXPECT_EQ(first.value(QStringLiteral("target")).toString(), QStringLiteral("https"));
    EXPECT_EQ(first.value(QStringLiteral("reason")).toString(), QStringLiteral("kernel upgrade"));
    EXPECT_EQ(first.value(QStringLiteral("ticket")).toString(), QStringLiteral("OPS-1234"));
    EXPECT_EQ(first.value(QStringLiteral("mode")).toString(), QStringLiteral("graceful"));
    EXPECT_EQ(first.value(QStringLiteral("result")).toString(), QStringLiteral("accepted"));
    EXPECT_EQ(first.value(QStringLiteral("extra")).toObject(), sampleEntry().extra);
    EXPECT_EQ(first.size(), 11);

    const QJsonObject second = lines->at(1);
    EXPECT_EQ(second.value(QStringLiteral("action")).toString(), QStringLiteral("undrain"));
    EXPECT_TRUE(second.value(QStringLiteral("target")).isString());
    EXPECT_EQ(second.value(QStringLiteral("mode")).toString(), QString());
    EXPECT_TRUE(second.value(QStringLiteral("extra")).isObject());
}

TEST_F(AuditLogTest, StartsAFreshFileAfterTheOldOneWasMovedAway)
{
    const AuditLog log(m_path);
    ASSERT_TRUE(log.append(sampleEntry()).ok());
    ASSERT_TRUE(QFile::rename(m_path, m_path + QStringLiteral(".1")));
    ASSERT_TRUE(log.append(sampleEntry(QStringLiteral("undrain"))).ok());
    EXPECT_EQ(AuditLog::readAll(m_path)->size(), 1);
    EXPECT_EQ(AuditLog::readAll(m_path + QStringLiteral(".1"))->size(), 1);
}

TEST_F(AuditLogTest, DirectoryAtThePathFailsAndChangesNothing)
{
    ASSERT_TRUE(QDir().mkdir(m_path));
    const auto appended = AuditLog(m_path).append(sampleEntry());
    ASSERT_FALSE(appended.ok());
    EXPECT_EQ(appended.error(),
              m_path + QStringLiteral(": cannot open the audit log for appending: Is a directory"));
    EXPECT_EQ(folderEntries(), QStringList{QStringLiteral("audit.log")});
    EXPECT_TRUE(QDir(m_path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

TEST_F(AuditLogTest, LogWithoutWritePermissionFailsAsNobody)
{
    ASSERT_TRUE(AuditLog(m_path).append(sampleEntry()).ok());
    const QByteArray before = test::readBytes(m_path);
    ASSERT_EQ(::chmod(QFile::encodeName(m_folder.path()).constData(), 0755), 0);
    ASSERT_EQ(::chmod(QFile::encodeName(m_path).constData(), 0444), 0);
    const int result = test::runUnprivileged([this] {
        const auto appended = AuditLog(m_path).append(sampleEntry());
        const QString expected =
            m_path + QStringLiteral(": cannot open the audit log for appending: Permission denied");
        if (appended.ok() || appended.error() != expected) {
            std::fprintf(stderr, "got: %s\n", qPrintable(appended.error()));
            return 1;
        }
        return 0;
    });
    EXPECT_EQ(result, 0);
    EXPECT_EQ(test::readBytes(m_path), before);
}

TEST_F(AuditLogTest, ReadAllNamesTheBadLine)
{
    test::writeBytes(m_path, "{\"a\":1}\n{\"a\":\n");
    auto lines = AuditLog::readAll(m_path);
    ASSERT_FALSE(lines.ok());
    EXPECT_TRUE(lines.error().startsWith(m_path + QStringLiteral(": line 2: ")))
        << lines.error().toStdString();

    test::writeBytes(m_path, "{\"a\":1}\n[1]\n");
    lines = AuditLog::readAll(m_path);
    ASSERT_FALSE(lines.ok());
    EXPECT_EQ(lines.error(), m_path + QStringLiteral(": line 2: expected a JSON object"));

    test::writeBytes(m_path, "{\"a\":1}\n{\"a\":2}");
    lines = AuditLog::readAll(m_path);
    ASSERT_FALSE(lines.ok());
    EXPECT_EQ(lines.error(), m_path + QStringLiteral(": the last line is not complete"));

    lines = AuditLog::readAll(m_folder.filePath(QStringLiteral("none.log")));
    ASSERT_FALSE(lines.ok());
    EXPECT_TRUE(lines.error().endsWith(QStringLiteral("none.log: cannot read: No such file or "
                                                      "directory")));
}

// Two processes appending 3 KiB lines at once: each line must arrive whole. Lines larger than
// a pipe buffer or a page would show interleaving if the write were split.
TEST_F(AuditLogTest, ConcurrentWritersNeverInterleaveLines)
{
    constexpr int kLinesEach = 500;
    const auto writeLines = [this](const QString &writer) {
        const AuditLog log(m_path);
        for (int i = 0; i < kLinesEach; ++i) {
            AuditEntry entry = sampleEntry();
            entry.reason = QString(3 * 1024, writer.at(0));
            entry.extra = {{QStringLiteral("writer"), writer}, {QStringLiteral("index"), i}};
            if (!log.append(entry).ok())
                return false;
        }
        return true;
    };
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0)
        _exit(writeLines(QStringLiteral("b")) ? 0 : 1);
    const bool parentWrote = writeLines(QStringLiteral("a"));
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(parentWrote);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);

    const auto lines = AuditLog::readAll(m_path);
    ASSERT_TRUE(lines.ok()) << lines.error().toStdString();
    ASSERT_EQ(lines->size(), 2 * kLinesEach);
    QMap<QString, int> nextIndex;
    for (const QJsonObject &line : lines.value()) {
        const QJsonObject extra = line.value(QStringLiteral("extra")).toObject();
        const QString writer = extra.value(QStringLiteral("writer")).toString();
        ASSERT_EQ(line.value(QStringLiteral("reason")).toString(), QString(3 * 1024, writer.at(0)));
        // Each writer's own lines stay in the order it wrote them.
        ASSERT_EQ(extra.value(QStringLiteral("index")).toInt(), nextIndex[writer]++);
    }
    EXPECT_EQ(nextIndex.value(QStringLiteral("a")), kLinesEach);
    EXPECT_EQ(nextIndex.value(QStringLiteral("b")), kLinesEach);
}

} // namespace
} // namespace anycast
