#include "app/transport/KnownHostsFile.h"

#include "tests/sshlab/SshKeyPair.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace anycast {
namespace {

using sshlab::SshKeyPair;

TEST(KnownHostsFileTest, NamesAreWrittenAsLibsshDoes)
{
    EXPECT_EQ(KnownHostsFile::hostPort(QStringLiteral("Fra-1"), 22), QStringLiteral("fra-1"));
    EXPECT_EQ(KnownHostsFile::hostPort(QStringLiteral("127.0.0.1"), 2222),
              QStringLiteral("[127.0.0.1]:2222"));
}

TEST(KnownHostsFileTest, HostFieldsMatchLikeOpenSsh)
{
    struct Case
    {
        const char *field;
        const char *host;
        bool matches;
    };
    const Case cases[] = {
        {"fra-1", "fra-1", true},
        {"FRA-1", "fra-1", true},
        {"fra-1", "fra-2", false},
        {"ams-1,fra-1", "fra-1", true},
        {"[127.0.0.1]:2222", "[127.0.0.1]:2222", true},
        {"[127.0.0.1]:2222", "[127.0.0.1]:2223", false},
        {"127.0.0.1", "[127.0.0.1]:2222", false},
        {"[fra-1]:22", "fra-1", true},
        {"*.example.net", "fra-1.example.net", true},
        {"fra-?", "fra-1", true},
        {"fra-?", "fra-12", false},
        {"*.example.net,!fra-1.example.net", "fra-1.example.net", false},
        {"*.example.net,!fra-1.example.net", "ams-1.example.net", true},
        {"|1|bad|salt", "fra-1", false},
    };
    for (const Case &c : cases) {
        EXPECT_EQ(
            KnownHostsFile::hostFieldMatches(QString::fromUtf8(c.field), QString::fromUtf8(c.host)),
            c.matches)
            << c.field << " vs " << c.host;
    }
}

TEST(KnownHostsFileTest, FindsLinesFingerprintsAndHashedNamesAsSshKeygenWritesThem)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    SshKeyPair ed25519;
    SshKeyPair ecdsa;
    ASSERT_EQ(SshKeyPair::generate(dir.filePath(QStringLiteral("k1")), QStringLiteral("ed25519"),
                                   &ed25519),
              QString());
    ASSERT_EQ(
        SshKeyPair::generate(dir.filePath(QStringLiteral("k2")), QStringLiteral("ecdsa"), &ecdsa),
        QString());
    const QString path = dir.filePath(QStringLiteral("known_hosts"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("# comment\n"
                              "other.example.net %1\n"
                              "\n"
                              "[127.0.0.1]:2222 %1\n"
                              "@cert-authority *.example.net %2\n"
                              "[127.0.0.1]:2222,fra-1 %2\n")
                   .arg(ed25519.publicKey(), ecdsa.publicKey())
                   .toUtf8());
    file.close();

    const QList<KnownHostsEntry> plain =
        KnownHostsFile::entriesInFile(QStringLiteral("[127.0.0.1]:2222"), path);
    ASSERT_EQ(plain.size(), 2);
    EXPECT_EQ(plain[0].line, 4);
    EXPECT_EQ(plain[0].keyType, QStringLiteral("ssh-ed25519"));
    EXPECT_EQ(plain[0].fingerprint, ed25519.fingerprint());
    EXPECT_EQ(plain[0].file, path);
    EXPECT_EQ(plain[1].line, 6);
    EXPECT_EQ(plain[1].keyType, QStringLiteral("ecdsa-sha2-nistp256"));
    EXPECT_EQ(plain[1].fingerprint, ecdsa.fingerprint());
    EXPECT_TRUE(KnownHostsFile::entriesInFile(QStringLiteral("ams-1.example.net"), path).isEmpty());

    // ssh-keygen -H hashes every name in place; the lines must still be found.
    QProcess hash;
    hash.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), path});
    ASSERT_TRUE(hash.waitForFinished(30000));
    ASSERT_EQ(hash.exitCode(), 0) << hash.readAllStandardError().toStdString();
    QFile hashed(path);
    ASSERT_TRUE(hashed.open(QIODevice::ReadOnly));
    const QByteArray text = hashed.readAll();
    ASSERT_FALSE(text.contains("127.0.0.1")) << text.toStdString();
    const QList<KnownHostsEntry> found =
        KnownHostsFile::entriesFor(QStringLiteral("fra-1"), text, path);
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0].fingerprint, ecdsa.fingerprint());
    EXPECT_EQ(KnownHostsFile::entriesFor(QStringLiteral("[127.0.0.1]:2222"), text, path).size(), 2);
}

} // namespace
} // namespace anycast
