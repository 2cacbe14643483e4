#include "agent/state/AuditLog.h"

#include "tests/state/StateTestSupport.h"
#include "tests/unit/UnprivilegedChild.h"

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
    entry.result = QStringLiteral("pending");
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
    AuditLog log(m_path);
    EXPECT_EQ(log.path(), m_path);
    EXPECT_EQ(log.append(sampleEntry()).value(), 1u);
    AuditEntry undrain = sampleEntry(QStringLiteral("undrain"));
    undrain.kind = AuditKind::Outcome;
    undrain.attempt = 1;
    undrain.target.clear();
    undrain.mode.clear();
    undrain.extra = {};
    EXPECT_EQ(log.append(undrain).value(), 2u);

    const QByteArray bytes = test::readBytes(m_path);
    EXPECT_EQ(bytes.count('\n'), 2);
    EXPECT_TRUE(bytes.endsWith('\n'));
    EXPECT_FALSE(bytes.contains("\n\n"));
    EXPECT_FALSE(bytes.contains(": ")) << "not compact: " << bytes.constData();
    EXPECT_EQ(test::permissionsOf(m_path) & 0137, mode_t(0)) << "at most 0640";

    const auto lines = AuditLog::readAll(m_path);
    ASSERT_TRUE(lines.ok()) << lines.error().toStdString();
    ASSERT_EQ(lines->records.size(), 2);
    EXPECT_TRUE(lines->skippedLines.isEmpty());
    const QJsonObject first = lines->records.at(0);
    EXPECT_EQ(first.value(QStringLiteral("id")).toInteger(), 1);
    EXPECT_EQ(first.value(QStringLiteral("kind")).toString(), QStringLiteral("attempt"));
    EXPECT_TRUE(first.value(QStringLiteral("attempt")).isNull());
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
    EXPECT_EQ(first.value(QStringLiteral("result")).toString(), QStringLiteral("pending"));
    EXPECT_EQ(first.value(QStringLiteral("extra")).toObject(), sampleEntry().extra);
    EXPECT_EQ(first.size(), 14);

    const QJsonObject second = lines->records.at(1);
    EXPECT_EQ(second.value(QStringLiteral("id")).toInteger(), 2);
    EXPECT_EQ(second.value(QStringLiteral("kind")).toString(), QStringLiteral("outcome"));
    EXPECT_EQ(second.value(QStringLiteral("attempt")).toInteger(), 1);
    EXPECT_EQ(second.value(QStringLiteral("action")).toString(), QStringLiteral("undrain"));
    EXPECT_TRUE(second.value(QStringLiteral("target")).isString());
    EXPECT_EQ(second.value(QStringLiteral("mode")).toString(), QString());
    EXPECT_TRUE(second.value(QStringLiteral("extra")).isObject());
}

TEST_F(AuditLogTest, StartsAFreshFileAfterTheOldOneWasMovedAway)
{
    AuditLog log(m_path);
    ASSERT_TRUE(log.append(sampleEntry()).ok());
    ASSERT_TRUE(QFile::rename(m_path, m_path + QStringLiteral(".1")));
    ASSERT_TRUE(log.append(sampleEntry(QStringLiteral("undrain"))).ok());
    EXPECT_EQ(AuditLog::readAll(m_path)->records.size(), 1);
    EXPECT_EQ(AuditLog::readAll(m_path + QStringLiteral(".1"))->records.size(), 1);
    // Ids go on increasing: the new file's first record is not a second "1".
    EXPECT_EQ(AuditLog::readAll(m_path)->records.at(0).value(QStringLiteral("id")).toInteger(), 2);
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

// Whatever a line holds (torn, garbled, two answers in one object), it costs only itself.
TEST_F(AuditLogTest, ReaderSkipsBadLinesCountingThemAndKeepsTheRest)
{
    test::writeBytes(m_path, "{\"a\":1}\n{\"a\":\n[1]\n{\"a\":1,\"a\":2}\n\n{\"b\":2}\n\xff\xfe\n"
                             "{\"c\":3}");
    const auto lines = AuditLog::readAll(m_path);
    ASSERT_TRUE(lines.ok()) << lines.error().toStdString();
    ASSERT_EQ(lines->records.size(), 3);
    EXPECT_EQ(lines->records[0].value(QStringLiteral("a")).toInt(), 1);
    EXPECT_EQ(lines->records[1].value(QStringLiteral("b")).toInt(), 2);
    // A last line whose '\n' is missing but whose JSON is whole is still a record.
    EXPECT_EQ(lines->records[2].value(QStringLiteral("c")).toInt(), 3);
    EXPECT_EQ(lines->skippedLines, (QList<qsizetype>{2, 3, 4, 7}));

    const auto missing = AuditLog::readAll(m_folder.filePath(QStringLiteral("none.log")));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().endsWith(QStringLiteral("none.log: cannot read: No such file or "
                                                        "directory")));
}

// A crash or a full disk can leave the last line without its '\n'; the next record must not
// glue onto it.
TEST_F(AuditLogTest, RecordsAfterATornTailEachStartOnTheirOwnLine)
{
    AuditLog log(m_path);
    ASSERT_TRUE(log.append(sampleEntry()).ok());
    const QByteArray whole = test::readBytes(m_path);
    test::writeBytes(m_path, whole + whole.left(whole.size() / 2)); // a torn copy of a record
    ASSERT_TRUE(log.append(sampleEntry(QStringLiteral("undrain"))).ok());
    ASSERT_TRUE(log.append(sampleEntry(QStringLiteral("drain"))).ok());

    const QByteArray bytes = test::readBytes(m_path);
    EXPECT_TRUE(bytes.endsWith('\n'));
    const auto lines = AuditLog::readAll(m_path);
    ASSERT_TRUE(lines.ok()) << lines.error().toStdString();
    ASSERT_EQ(lines->records.size(), 3) << bytes.toStdString();
    EXPECT_EQ(lines->skippedLines, QList<qsizetype>{2});
    EXPECT_EQ(lines->records[1].value(QStringLiteral("action")).toString(),
              QStringLiteral("undrain"));
    EXPECT_EQ(lines->records[1].value(QStringLiteral("id")).toInteger(), 2);
    EXPECT_EQ(lines->records[2].value(QStringLiteral("id")).toInteger(), 3);
    // One '\n' was added, not one per record: no blank lines where the tail was whole.
    EXPECT_EQ(bytes.count('\n'), 4);
}

TEST_F(AuditLogTest, IdsContinueAfterTheHighestSeen)
{
    AuditLog log(m_path);
    log.continueAfter(41);
    EXPECT_EQ(log.append(sampleEntry()).value(), 42u);
    log.continueAfter(7); // never backwards
    EXPECT_EQ(log.append(sampleEntry()).value(), 43u);
    // A refusal is written the same way, only without the flush.
    EXPECT_EQ(log.append(sampleEntry(), AuditLog::Sync::Lazy).value(), 44u);
    EXPECT_EQ(AuditLog::readAll(m_path)->records.size(), 3);
}

TEST_F(AuditLogTest, SymbolicLinkAtThePathIsRefusedAndNotFollowed)
{
    const QString victim = m_folder.filePath(QStringLiteral("victim"));
    test::writeBytes(victim, "keep me\n");
    ASSERT_TRUE(QFile::link(victim, m_path));
    const auto appended = AuditLog(m_path).append(sampleEntry());
    ASSERT_FALSE(appended.ok());
    EXPECT_EQ(appended.error(), m_path + QStringLiteral(": cannot open the audit log for "
                                                        "appending: it is a symbolic link, "
                                                        "which is not followed"));
    EXPECT_EQ(test::readBytes(victim), QByteArray("keep me\n"));
    const auto read = AuditLog::readAll(m_path);
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(read.error().endsWith(QStringLiteral("symbolic link, which is not followed")));
    // A dangling link is refused too, rather than creating its target.
    ASSERT_TRUE(QFile::remove(m_path));
    ASSERT_TRUE(QFile::link(m_folder.filePath(QStringLiteral("made-by-link")), m_path));
    EXPECT_FALSE(AuditLog(m_path).append(sampleEntry()).ok());
    EXPECT_FALSE(QFile::exists(m_folder.filePath(QStringLiteral("made-by-link"))));
}

TEST_F(AuditLogTest, TailReadsOnlyTheEndAndDropsTheLineItCuts)
{
    AuditLog log(m_path);
    for (int i = 0; i < 100; ++i)
        ASSERT_TRUE(log.append(sampleEntry()).ok());
    const qint64 lineSize = test::readBytes(m_path).indexOf('\n') + 1;
    // Two and a half lines' worth: the half line is dropped, the two whole ones are kept.
    const auto tail = AuditLog::readTail(m_path, lineSize * 5 / 2);
    ASSERT_TRUE(tail.ok()) << tail.error().toStdString();
    ASSERT_EQ(tail->records.size(), 2);
    EXPECT_TRUE(tail->skippedLines.isEmpty());
    EXPECT_EQ(tail->records[0].value(QStringLiteral("id")).toInteger(), 99);
    EXPECT_EQ(tail->records[1].value(QStringLiteral("id")).toInteger(), 100);
    EXPECT_EQ(AuditLog::readTail(m_path, 1 << 30)->records.size(), 100);
    EXPECT_TRUE(AuditLog::readTail(m_path, 3)->records.isEmpty());
}

// Two processes appending 3 KiB lines at once: each line must arrive whole. Lines larger than
// a pipe buffer or a page would show interleaving if the write were split.
TEST_F(AuditLogTest, ConcurrentWritersNeverInterleaveLines)
{
    constexpr int kLinesEach = 500;
    const auto writeLines = [this](const QString &writer) {
        AuditLog log(m_path);
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
    ASSERT_EQ(lines->records.size(), 2 * kLinesEach);
    EXPECT_TRUE(lines->skippedLines.isEmpty());
    QMap<QString, int> nextIndex;
    for (const QJsonObject &line : lines->records) {
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
