#include "agent/state/DrainStateFile.h"

#include "tests/state/StateTestSupport.h"
#include "tests/unit/UnprivilegedChild.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

namespace anycast {
namespace {

using Kind = DrainStateLoad::Kind;

class DrainStateFileTest : public ::testing::Test
{
protected:
    QString pathOf(const QString &name) const { return m_folder.filePath(name); }
    QStringList folderEntries() const
    {
        return QDir(m_folder.path())
            .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    }
    DrainStateLoad loadBytes(const QByteArray &bytes)
    {
        test::writeBytes(m_path, bytes);
        return DrainStateFile::load(m_path);
    }

    QTemporaryDir m_folder;
    QString m_path = m_folder.filePath(QStringLiteral("drain-state.json"));
};

TEST_F(DrainStateFileTest, SaveThenLoadGivesTheSameState)
{
    const DrainState state = test::sampleState();
    const auto saved = DrainStateFile::save(m_path, state);
    ASSERT_TRUE(saved.ok()) << saved.error().toStdString();
    const DrainStateLoad loaded = DrainStateFile::load(m_path);
    ASSERT_EQ(loaded.kind, Kind::Loaded) << loaded.message.toStdString();
    EXPECT_FALSE(loaded.failed());
    EXPECT_EQ(loaded.state, state);
}

TEST_F(DrainStateFileTest, SaveLeavesNoTemporaryFile)
{
    ASSERT_TRUE(DrainStateFile::save(m_path, test::sampleState()).ok());
    EXPECT_EQ(folderEntries(), QStringList{QStringLiteral("drain-state.json")});
}

TEST_F(DrainStateFileTest, SavedFileHasMode0640WhateverTheUmask)
{
    const mode_t previous = ::umask(0077);
    const auto saved = DrainStateFile::save(m_path, test::sampleState());
    ::umask(previous);
    ASSERT_TRUE(saved.ok()) << saved.error().toStdString();
    EXPECT_EQ(test::permissionsOf(m_path), mode_t(0640));
}

TEST_F(DrainStateFileTest, SaveIntoAMissingFolderFailsAndWritesNothing)
{
    const QString path = pathOf(QStringLiteral("missing/drain-state.json"));
    const auto saved = DrainStateFile::save(path, test::sampleState());
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error(), path + QStringLiteral(": cannot create ") + path +
                                 QStringLiteral(".tmp: No such file or directory"));
    EXPECT_TRUE(folderEntries().isEmpty());
}

TEST_F(DrainStateFileTest, SaveReplacesTheOldFileByRename)
{
    ASSERT_TRUE(DrainStateFile::save(m_path, test::sampleState()).ok());
    const ino_t before = test::inodeOf(m_path);
    DrainState next;
    next.set(test::sampleDrain(QStringLiteral("dns")));
    ASSERT_TRUE(DrainStateFile::save(m_path, next).ok());
    EXPECT_NE(test::inodeOf(m_path), before) << "the old file was written in place";
    EXPECT_EQ(DrainStateFile::load(m_path).state, next);
}

TEST_F(DrainStateFileTest, ReadersSeeTheOldOrTheNewStateNeverAPartOfOne)
{
    const DrainState first = test::sampleState();
    DrainState second;
    second.set(test::sampleDrain(QStringLiteral("dns")));
    ASSERT_TRUE(DrainStateFile::save(m_path, first).ok());

    const pid_t writer = ::fork();
    ASSERT_GE(writer, 0);
    if (writer == 0) {
        for (int i = 0; i < 100; ++i) {
            if (!DrainStateFile::save(m_path, i % 2 ? first : second).ok())
                _exit(1);
        }
        _exit(0);
    }
    int loads = 0;
    int status = 0;
    bool allGood = true;
    while (::waitpid(writer, &status, WNOHANG) == 0) {
        const DrainStateLoad loaded = DrainStateFile::load(m_path);
        ++loads;
        if (loaded.kind != Kind::Loaded || (loaded.state != first && loaded.state != second)) {
            allGood = false;
            ADD_FAILURE() << "load " << loads << ": " << loaded.message.toStdString();
            break;
        }
    }
    if (!allGood)
        ::waitpid(writer, &status, 0);
    EXPECT_TRUE(allGood);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_GT(loads, 0);
}

TEST_F(DrainStateFileTest, FailedSaveKeepsTheOldState)
{
    ASSERT_TRUE(DrainStateFile::save(m_path, test::sampleState()).ok());
    const QByteArray before = test::readBytes(m_path);
    ASSERT_TRUE(QDir().mkdir(m_path + QStringLiteral(".tmp")));
    const auto saved = DrainStateFile::save(m_path, DrainState());
    ASSERT_FALSE(saved.ok());
    EXPECT_TRUE(saved.error().endsWith(QStringLiteral(": Is a directory")))
        << saved.error().toStdString();
    EXPECT_EQ(test::readBytes(m_path), before);
}

TEST_F(DrainStateFileTest, MissingFileIsAFirstStart)
{
    const DrainStateLoad loaded = DrainStateFile::load(m_path);
    EXPECT_EQ(loaded.kind, Kind::Missing);
    EXPECT_FALSE(loaded.failed());
    EXPECT_TRUE(loaded.state.isEmpty());
    EXPECT_TRUE(loaded.message.isEmpty());
}

TEST_F(DrainStateFileTest, DirectoryAtThePathIsUnreadable)
{
    ASSERT_TRUE(QDir().mkdir(m_path));
    const DrainStateLoad loaded = DrainStateFile::load(m_path);
    EXPECT_EQ(loaded.kind, Kind::Unreadable);
    EXPECT_TRUE(loaded.failed());
    EXPECT_EQ(loaded.message, m_path + QStringLiteral(": cannot read: Is a directory"));
}

TEST_F(DrainStateFileTest, GarbageEmptyAndTruncatedFilesAreCorrupt)
{
    DrainStateLoad loaded = loadBytes(QByteArray("\x00\xff\x13 not json", 12));
    EXPECT_EQ(loaded.kind, Kind::Corrupt);
    EXPECT_TRUE(loaded.message.startsWith(m_path + QStringLiteral(": line 1: ")))
        << loaded.message.toStdString();

    loaded = loadBytes({});
    EXPECT_EQ(loaded.kind, Kind::Corrupt);
    EXPECT_EQ(loaded.message, m_path + QStringLiteral(": empty file"));

    loaded = loadBytes(R"({"version": 1, "drains": [{"reason": "kern)");
    EXPECT_EQ(loaded.kind, Kind::Corrupt);
    EXPECT_EQ(loaded.message, m_path + QStringLiteral(": line 1: unterminated string"));

    const QByteArray whole = test::stateBytes(test::sampleState().toJson());
    loaded = loadBytes(whole.left(whole.size() / 2));
    EXPECT_EQ(loaded.kind, Kind::Corrupt);
    EXPECT_TRUE(loaded.message.contains(QStringLiteral(": line ")));
    EXPECT_FALSE(loaded.message.contains(QStringLiteral(": line 1:")))
        << loaded.message.toStdString();

    loaded = loadBytes("[1, 2]");
    EXPECT_EQ(loaded.kind, Kind::Corrupt);
    EXPECT_EQ(loaded.message, m_path + QStringLiteral(": expected a JSON object"));
    EXPECT_TRUE(loaded.state.isEmpty());
}

// Qt keeps the last of two equal keys; a state file that says two things is not trusted.
TEST_F(DrainStateFileTest, DuplicateKeysAreCorrupt)
{
    DrainStateLoad loaded = loadBytes(R"({"version": 1, "drains": [], "version": 1})");
    EXPECT_EQ(loaded.kind, Kind::Corrupt);
    EXPECT_EQ(loaded.message, m_path + QStringLiteral(": line 1: duplicate key \"version\""));

    QByteArray nested = test::stateBytes(test::sampleState().toJson());
    const qsizetype reason = nested.indexOf("\"reason\"");
    ASSERT_GT(reason, 0);
    nested.insert(reason, "\"target\": \"web\",\n            ");
    loaded = loadBytes(nested);
    EXPECT_EQ(loaded.kind, Kind::Corrupt);
    EXPECT_TRUE(loaded.message.endsWith(QStringLiteral(": duplicate key \"target\"")))
        << loaded.message.toStdString();
    EXPECT_TRUE(loaded.state.isEmpty());
}

TEST_F(DrainStateFileTest, SymbolicLinkAtThePathIsUnreadableAndNotFollowed)
{
    const QString elsewhere = pathOf(QStringLiteral("elsewhere.json"));
    ASSERT_TRUE(DrainStateFile::save(elsewhere, test::sampleState()).ok());
    ASSERT_TRUE(QFile::link(elsewhere, m_path));
    const DrainStateLoad loaded = DrainStateFile::load(m_path);
    EXPECT_EQ(loaded.kind, Kind::Unreadable);
    EXPECT_EQ(loaded.message, m_path + QStringLiteral(": cannot open: it is a symbolic link, "
                                                      "which is not followed"));
    EXPECT_TRUE(loaded.state.isEmpty());
}

TEST_F(DrainStateFileTest, SymbolicLinkAtTheTemporaryPathIsRefused)
{
    const QString victim = pathOf(QStringLiteral("victim"));
    test::writeBytes(victim, "keep me\n");
    ASSERT_TRUE(QFile::link(victim, m_path + QStringLiteral(".tmp")));
    const auto saved = DrainStateFile::save(m_path, test::sampleState());
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error(), m_path + QStringLiteral(": cannot create ") + m_path +
                                 QStringLiteral(".tmp: it is a symbolic link, which is not "
                                                "followed"));
    EXPECT_EQ(test::readBytes(victim), QByteArray("keep me\n"));
    EXPECT_FALSE(QFile::exists(m_path));
}

TEST_F(DrainStateFileTest, StrictRejectsNameTheFileAndTheValue)
{
    const auto edited = [](const QString &key, const QJsonValue &value) {
        QJsonObject json = test::sampleState().toJson();
        QJsonArray drains = json.value(QStringLiteral("drains")).toArray();
        QJsonObject first = drains.at(0).toObject();
        if (value.isUndefined())
            first.remove(key);
        else
            first.insert(key, value);
        drains.replace(0, first);
        json.insert(QStringLiteral("drains"), drains);
        return test::stateBytes(json);
    };
    const struct
    {
        QByteArray bytes;
        QString message;
    } cases[] = {
        {edited(QStringLiteral("color"), 1), QStringLiteral("drains[0].color: unknown key")},
        {edited(QStringLiteral("reason"), QJsonValue(QJsonValue::Undefined)),
         QStringLiteral("drains[0].reason: missing")},
        {edited(QStringLiteral("mode"), QStringLiteral("fast")),
         QStringLiteral("drains[0].mode: expected \"graceful\" or \"immediate\", not \"fast\"")},
        {edited(QStringLiteral("since"), QStringLiteral("2024-05-01 12:00")),
         QStringLiteral("drains[0].since: expected a UTC time such as 2024-05-01T12:00:00.000Z, "
                        "not \"2024-05-01 12:00\"")},
        {R"({"version": 7, "drains": []})",
         QStringLiteral("version: unsupported version 7 (this agent reads version 1)")},
    };
    for (const auto &testCase : cases) {
        const DrainStateLoad loaded = loadBytes(testCase.bytes);
        EXPECT_EQ(loaded.kind, Kind::Corrupt);
        EXPECT_EQ(loaded.message, m_path + QStringLiteral(": ") + testCase.message);
    }
}

TEST_F(DrainStateFileTest, QuarantineMovesTheFileAsideReplacingAnOlderOne)
{
    test::writeBytes(m_path + QStringLiteral(".corrupt"), "older");
    test::writeBytes(m_path, "newer garbage");
    const auto moved = DrainStateFile::quarantine(m_path);
    ASSERT_TRUE(moved.ok()) << moved.error().toStdString();
    EXPECT_EQ(moved.value(), m_path + QStringLiteral(".corrupt"));
    EXPECT_EQ(test::readBytes(moved.value()), QByteArray("newer garbage"));
    EXPECT_EQ(DrainStateFile::load(m_path).kind, Kind::Missing);

    const auto again = DrainStateFile::quarantine(m_path);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error(), m_path + QStringLiteral(": cannot rename to ") + m_path +
                                 QStringLiteral(".corrupt: No such file or directory"));
}

TEST_F(DrainStateFileTest, FailSafeStateDrainsTheWholeNode)
{
    const DrainStateLoad loaded = loadBytes("{");
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1714566896789, Qt::UTC);
    const DrainState state = DrainStateFile::failSafeState(loaded, now);
    ASSERT_TRUE(state.nodeDrain().has_value());
    const DrainRecord drain = *state.nodeDrain();
    EXPECT_EQ(drain.reason, QStringLiteral("drain state unreadable: ") + loaded.message);
    EXPECT_EQ(drain.mode, DrainMode::Immediate);
    EXPECT_EQ(drain.since, now);
    EXPECT_FALSE(drain.forceWithdraw);
    EXPECT_TRUE(state.effectiveFor(QStringLiteral("https")).has_value());
}

// Root reads and writes anything, so these run as nobody when the suite runs as root.
TEST_F(DrainStateFileTest, FileWithoutReadPermissionIsUnreadable)
{
    test::writeBytes(m_path, test::stateBytes(test::sampleState().toJson()));
    ASSERT_EQ(::chmod(QFile::encodeName(m_folder.path()).constData(), 0755), 0);
    ASSERT_EQ(::chmod(QFile::encodeName(m_path).constData(), 0), 0);
    const int result = test::runUnprivileged([this] {
        const DrainStateLoad loaded = DrainStateFile::load(m_path);
        const QString expected = m_path + QStringLiteral(": cannot open: Permission denied");
        if (loaded.kind != Kind::Unreadable || loaded.message != expected) {
            std::fprintf(stderr, "got: %s\n", qPrintable(loaded.message));
            return 1;
        }
        return 0;
    });
    EXPECT_EQ(result, 0);
}

TEST_F(DrainStateFileTest, SaveIntoAReadOnlyFolderFailsAndWritesNothing)
{
    ASSERT_EQ(::chmod(QFile::encodeName(m_folder.path()).constData(), 0555), 0);
    const int result = test::runUnprivileged([this] {
        const auto saved = DrainStateFile::save(m_path, test::sampleState());
        const QString expected = m_path + QStringLiteral(": cannot create ") + m_path +
                                 QStringLiteral(".tmp: Permission denied");
        if (saved.ok() || saved.error() != expected) {
            std::fprintf(stderr, "got: %s\n", qPrintable(saved.error()));
            return 1;
        }
        return 0;
    });
    ASSERT_EQ(::chmod(QFile::encodeName(m_folder.path()).constData(), 0700), 0);
    EXPECT_EQ(result, 0);
    EXPECT_TRUE(folderEntries().isEmpty());
}

} // namespace
} // namespace anycast
