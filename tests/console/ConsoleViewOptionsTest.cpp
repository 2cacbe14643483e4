// The real anycast-console binary's view options, offscreen: an unknown view is refused with
// the valid ones listed; --view picks what --screenshot renders; --when-connected does not
// wait past its deadline and says how many nodes it saw; --dump-models writes the models.
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct ConsoleRun
{
    int exitCode = -1;
    QString errors;
};

ConsoleRun console(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-console"), arguments);
    ConsoleRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.errors = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// An inventory with one local agent that does not run: a fleet of one unreachable node.
QString inventoryWithAbsentAgent(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("fleet.toml"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("[[node]]\nlocal = \"%1\"\n")
                   .arg(dir.filePath(QStringLiteral("absent.sock")))
                   .toUtf8());
    return path;
}

TEST(ConsoleViewOptions, UnknownViewIsRefusedWithTheValidOnes)
{
    const ConsoleRun run = console({QStringLiteral("--view"), QStringLiteral("charts-of-doom")});
    EXPECT_EQ(run.exitCode, 64) << run.errors.toStdString();
    EXPECT_TRUE(run.errors.contains(QStringLiteral("charts-of-doom")));
    EXPECT_TRUE(run.errors.contains(QStringLiteral("fleet, map, charts, audit")))
        << run.errors.toStdString();
}

TEST(ConsoleViewOptions, EachViewIsRenderedAndTheyDiffer)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString inventory = inventoryWithAbsentAgent(dir);
    QList<QImage> shots;
    for (const QString &view : {QStringLiteral("fleet"), QStringLiteral("map"),
                                QStringLiteral("charts"), QStringLiteral("audit")}) {
        const QString png = dir.filePath(view + QStringLiteral(".png"));
        const ConsoleRun run =
            console({QStringLiteral("--inventory"), inventory, QStringLiteral("--view"), view,
                     QStringLiteral("--screenshot"), png, QStringLiteral("--after"),
                     QStringLiteral("0.5")});
        EXPECT_EQ(run.exitCode, 0) << view.toStdString() << ": " << run.errors.toStdString();
        shots.append(QImage(png));
        EXPECT_FALSE(shots.last().isNull()) << view.toStdString();
    }
    ASSERT_EQ(shots.size(), 4);
    EXPECT_NE(shots[0], shots[1]) << "the map view rendered the same picture as the fleet view";
    EXPECT_NE(shots[2], shots[0]) << "the charts view rendered the same picture as the fleet view";
    EXPECT_NE(shots[2], shots[1]) << "the charts view rendered the same picture as the map view";
    EXPECT_NE(shots[3], shots[0]) << "the audit view rendered the same picture as the fleet view";
    EXPECT_NE(shots[3], shots[1]) << "the audit view rendered the same picture as the map view";
    EXPECT_NE(shots[3], shots[2]) << "the audit view rendered the same picture as the charts view";
}

TEST(ConsoleViewOptions, ExportAuditWritesTheViewsColumnsAndReportsAnUnwritablePath)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString inventory = inventoryWithAbsentAgent(dir);
    const QString csv = dir.filePath(QStringLiteral("audit.csv"));
    ConsoleRun run =
        console({QStringLiteral("--inventory"), inventory, QStringLiteral("--export-audit"), csv,
                 QStringLiteral("--after"), QStringLiteral("0.3")});
    EXPECT_EQ(run.exitCode, 0) << run.errors.toStdString();
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    // No agent answers, so no rows: the header alone, in the view's column order.
    EXPECT_EQ(file.readAll(),
              QByteArray("Time,Node,Region,Action,Target,State,Who,Reason,Ticket,Mode,"
                         "Agent's answer\r\n"));

    const QString nowhere = dir.filePath(QStringLiteral("no-such-folder/audit.csv"));
    run = console({QStringLiteral("--inventory"), inventory, QStringLiteral("--export-audit"),
                   nowhere, QStringLiteral("--after"), QStringLiteral("0.3")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errors.contains(nowhere)) << run.errors.toStdString();
}

TEST(ConsoleViewOptions, WhenConnectedGivesUpAtTheDeadlineAndSaysSo)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("fleet.png"));
    const QString dump = dir.filePath(QStringLiteral("models.json"));
    const ConsoleRun run =
        console({QStringLiteral("--inventory"), inventoryWithAbsentAgent(dir),
                 QStringLiteral("--screenshot"), png, QStringLiteral("--when-connected"),
                 QStringLiteral("1"), QStringLiteral("--after"), QStringLiteral("2"),
                 QStringLiteral("--dump-models"), dump});
    EXPECT_EQ(run.exitCode, 2) << run.errors.toStdString();
    EXPECT_TRUE(run.errors.contains(QStringLiteral("only 0 of 1 nodes")))
        << run.errors.toStdString();
    EXPECT_FALSE(QImage(png).isNull()) << "the picture of what there was is still taken";
    QFile file(dump);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject models = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray nodes = models.value(QStringLiteral("nodes")).toArray();
    ASSERT_EQ(nodes.size(), 1) << QJsonDocument(models).toJson().toStdString();
    EXPECT_FALSE(nodes.first().toObject().value(QStringLiteral("connected")).toBool());
    EXPECT_TRUE(models.value(QStringLiteral("prefixes")).toObject().isEmpty());

    const ConsoleRun bad = console({QStringLiteral("--when-connected"), QStringLiteral("zero")});
    EXPECT_EQ(bad.exitCode, 64) << bad.errors.toStdString();
}

TEST(ConsoleViewOptions, SelectingARegionThatIsNotThereSaysSoAndStillTakesThePicture)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("charts.png"));
    const ConsoleRun run = console(
        {QStringLiteral("--inventory"), inventoryWithAbsentAgent(dir), QStringLiteral("--view"),
         QStringLiteral("charts"), QStringLiteral("--screenshot"), png, QStringLiteral("--after"),
         QStringLiteral("1"), QStringLiteral("--select"), QStringLiteral("atlantis")});
    EXPECT_EQ(run.exitCode, 0) << run.errors.toStdString();
    EXPECT_TRUE(run.errors.contains(QStringLiteral("--select: no region 'atlantis' in the fleet")))
        << run.errors.toStdString();
    EXPECT_FALSE(QImage(png).isNull());
}

} // namespace
