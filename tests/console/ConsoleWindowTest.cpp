#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace anycast {
namespace {

struct ConsoleRun
{
    int exitCode = -1;
    QString err;
};

ConsoleRun runConsole(const QStringList &arguments)
{
    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    console.setProcessEnvironment(environment);
    console.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-console"), arguments);
    ConsoleRun run;
    if (!console.waitForFinished(30000)) {
        console.kill();
        console.waitForFinished();
        return run;
    }
    run.exitCode = console.exitStatus() == QProcess::NormalExit ? console.exitCode() : -1;
    run.err = QString::fromUtf8(console.readAllStandardError());
    return run;
}

TEST(ConsoleWindowTest, ABadInventoryIsReportedWithFileLineColumnAndTheWindowStillOpens)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString inventory = dir.filePath(QStringLiteral("fleet.toml"));
    QFile file(inventory);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("[[node]]\nssh = \"noc@fra-1:99999\"\n");
    file.close();
    const QString png = dir.filePath(QStringLiteral("window.png"));
    const ConsoleRun run =
        runConsole({QStringLiteral("--inventory"), inventory, QStringLiteral("--screenshot"), png,
                    QStringLiteral("--after"), QStringLiteral("0.2")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(inventory + QStringLiteral(":2:7: ssh: port '99999'")))
        << run.err.toStdString();
    EXPECT_TRUE(QFile::exists(png));
}

} // namespace
} // namespace anycast
