#include "app/MainWindow.h"
#include "app/dialogs/DialogPrompter.h"
#include "app/inventory/Inventory.h"
#include "app/inventory/InventoryLocation.h"
#include "app/inventory/InventoryWatcher.h"
#include "app/models/FleetModel.h"
#include "app/models/PrefixModel.h"
#include "app/session/ConsoleFleet.h"
#include "app/transport/FleetConnections.h"
#include "app/transport/SshNetwork.h"
#include "app/views/AuditPage.h"
#include "app/views/DrainController.h"
#include "app/views/DrainProgressPanel.h"
#include "app/views/ModelDump.h"
#include "app/views/ReadyWatch.h"
#include "app/views/UiLanguage.h"
#include "app/widgets/WindowLayout.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QIcon>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <chrono>
#include <cstdio>

namespace {

constexpr int kUsageError = 64;
// The wanted nodes did not all report before the deadline: the picture or dump was still
// taken, of what there was.
constexpr int kNotAllReported = 2;
// After the wanted nodes report, a moment for their first samples (ESTABLISHED) to arrive.
constexpr std::chrono::milliseconds kSettle{1500};

bool writeDump(anycast::MainWindow &window, const QString &path)
{
    window.flush();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(anycast::ModelDump::of(*window.fleetModel(), *window.prefixModel()))
                   .toJson());
    return file.commit();
}

bool writeScreenshot(anycast::MainWindow &window, const QString &path)
{
    window.flush();
    return window.grab().save(path, "PNG");
}

bool writeAudit(anycast::MainWindow &window, const QString &path)
{
    window.flush();
    QString error;
    if (window.auditPage()->exportCsv(path, &error))
        return true;
    std::fprintf(stderr, "anycast-console: cannot write %s: %s\n", qPrintable(path),
                 qPrintable(error));
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("anycast-console"));
    QApplication::setApplicationVersion(QStringLiteral(ANYCAST_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("NOC console for anycast-agent fleets."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption languageOption(
        QStringLiteral("lang"),
        QStringLiteral("User interface language: %1 (default: the system's).")
            .arg(anycast::UiLanguage::codes().join(QStringLiteral(", "))),
        QStringLiteral("LANG"));
    const QCommandLineOption resetLayoutOption(
        QStringLiteral("reset-layout"),
        QStringLiteral("Forget the remembered window size, docks and view, and start with "
                       "the defaults."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QStringLiteral("Save the main window as a PNG and exit."),
        QStringLiteral("PNG"));
    const QCommandLineOption afterOption(
        QStringLiteral("after"),
        QStringLiteral("With --screenshot: wait this long first (with --when-connected: at most "
                       "this long)."),
        QStringLiteral("SECONDS"), QStringLiteral("1"));
    const QCommandLineOption whenConnectedOption(
        QStringLiteral("when-connected"),
        QStringLiteral("With --screenshot: take it as soon as N nodes are connected and "
                       "reporting; exit 2 if they are not by the --after deadline."),
        QStringLiteral("N"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        QStringLiteral("The view the window opens on and --screenshot renders: %1.")
            .arg(anycast::MainWindow::viewNames().join(QStringLiteral(", "))),
        QStringLiteral("VIEW"), QStringLiteral("fleet"));
    const QCommandLineOption dumpOption(
        QStringLiteral("dump-models"),
        QStringLiteral("Write the fleet and prefix models as JSON to FILE every second (and "
                       "when --screenshot is taken)."),
        QStringLiteral("FILE"));
    const QCommandLineOption inventoryOption(
        QStringLiteral("inventory"),
        QStringLiteral("The fleet inventory (default: %1).").arg(anycast::defaultInventoryPath()),
        QStringLiteral("FILE"));
    const QCommandLineOption exportAuditOption(
        QStringLiteral("export-audit"),
        QStringLiteral("Write the audit view's rows as CSV to FILE and exit, when --screenshot "
                       "would be taken."),
        QStringLiteral("FILE"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        QStringLiteral("With --screenshot: select this region in the fleet tree (its details, "
                       "its charts) before the picture is taken."),
        QStringLiteral("REGION"));
    parser.addOptions({inventoryOption, languageOption, viewOption, screenshotOption, afterOption,
                       whenConnectedOption, dumpOption, exportAuditOption, resetLayoutOption,
                       selectOption});
    parser.process(app);
    const QString view = parser.value(viewOption);
    if (!anycast::MainWindow::viewNames().contains(view)) {
        std::fprintf(stderr, "anycast-console: unknown view \"%s\"; the views are: %s\n",
                     qPrintable(view),
                     qPrintable(anycast::MainWindow::viewNames().join(QStringLiteral(", "))));
        return kUsageError;
    }
    bool ok = false;
    const double seconds = parser.value(afterOption).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 86400) {
        std::fprintf(stderr, "anycast-console: --after needs a number of seconds\n");
        return kUsageError;
    }
    int wanted = 0;
    if (parser.isSet(whenConnectedOption)) {
        wanted = parser.value(whenConnectedOption).toInt(&ok);
        if (!ok || wanted < 1) {
            std::fprintf(stderr, "anycast-console: --when-connected needs a number of nodes\n");
            return kUsageError;
        }
    }

    QTranslator translator;
    if (parser.isSet(languageOption)) {
        const QString error = anycast::UiLanguage::load(translator, parser.value(languageOption),
                                                        QStringLiteral(":/i18n"));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "anycast-console: --lang: %s\n", qPrintable(error));
            return kUsageError;
        }
    } else {
        // The system's language when there is a translation for it, else English (whose
        // file holds only its plural forms).
        if (!translator.load(QLocale::system(), QStringLiteral("anycast-console"),
                             QStringLiteral("_"), QStringLiteral(":/i18n")))
            (void)anycast::UiLanguage::load(translator, QStringLiteral("en"),
                                            QStringLiteral(":/i18n"));
    }
    if (!translator.isEmpty())
        QApplication::installTranslator(&translator);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/anycast-console.svg")));

    const QString inventoryPath = parser.isSet(inventoryOption) ? parser.value(inventoryOption)
                                                                : anycast::defaultInventoryPath();
    anycast::SshNetwork network;
    anycast::FleetConnections connections(network);
    anycast::InventoryWatcher inventory(inventoryPath);
    QObject::connect(
        &inventory, &anycast::InventoryWatcher::inventoryChanged, &connections,
        [&connections](const anycast::Inventory &, const anycast::InventoryDiff &diff) {
            connections.apply(diff);
        });
    anycast::ConsoleFleet fleet;
    fleet.follow(&connections);
    QObject::connect(&inventory, &anycast::InventoryWatcher::inventoryError, &app,
                     [](const QString &error) {
                         std::fprintf(stderr, "anycast-console: %s\n", qPrintable(error));
                     });
    anycast::MainWindow window(fleet.state(), fleet.store(), &inventory,
                               QString::fromLatin1(anycast::kDefaultAgentSocket));
    window.addEventViews(fleet.events());
    QObject::connect(&window, &anycast::MainWindow::historyWanted, &fleet,
                     [&fleet](const QStringList &endpoints, qint64 back) {
                         fleet.ensureHistory(endpoints, std::chrono::seconds(back));
                     });
    anycast::DrainController drains(
        fleet.state(), [&fleet](const QString &endpoint) { return fleet.session(endpoint); },
        &window);
    window.addNodeActions({drains.drainAction(), drains.undrainAction()});
    QObject::connect(&window, &anycast::MainWindow::targetSelected, &drains,
                     &anycast::DrainController::setTarget);
    auto *drainDock = new QDockWidget(anycast::DrainController::panelTitle(), &window);
    drainDock->setObjectName(QStringLiteral("drainDock"));
    drainDock->setWidget(drains.panel());
    window.addDock(drainDock, Qt::RightDockWidgetArea, QKeySequence(Qt::CTRL | Qt::Key_J));
    anycast::DialogPrompter prompter(&window);
    network.setPrompter(&prompter);
    inventory.start();
    // Pictures are taken of the defaults and leave the remembered layout alone.
    const bool remembersLayout = !parser.isSet(screenshotOption);
    const std::unique_ptr<QSettings> settings = anycast::WindowLayout::open();
    if (parser.isSet(resetLayoutOption))
        anycast::WindowLayout::reset(*settings);
    else if (remembersLayout)
        window.restoreLayout(*settings);
    window.show();
    if (parser.isSet(viewOption) || !remembersLayout)
        window.showView(view);
    if (remembersLayout) {
        QObject::connect(&app, &QCoreApplication::aboutToQuit, &window,
                         [&window, &settings] { window.saveLayout(*settings); });
    }
    const QString dumpPath = parser.value(dumpOption);
    QTimer dumpTimer;
    if (!dumpPath.isEmpty()) {
        dumpTimer.setInterval(1000);
        QObject::connect(&dumpTimer, &QTimer::timeout, &window, [&window, dumpPath] {
            if (!writeDump(window, dumpPath))
                std::fprintf(stderr, "anycast-console: cannot write %s\n", qPrintable(dumpPath));
        });
        dumpTimer.start();
    }
    anycast::ReadyWatch ready(fleet.state(), wanted,
                              std::chrono::milliseconds(static_cast<qint64>(seconds * 1000)));
    if (parser.isSet(screenshotOption) || parser.isSet(exportAuditOption)) {
        const QString path = parser.value(screenshotOption);
        const QString auditPath = parser.value(exportAuditOption);
        const auto shoot = [&window, &ready, path, dumpPath, auditPath](bool reached) {
            if (!dumpPath.isEmpty() && !writeDump(window, dumpPath)) {
                std::fprintf(stderr, "anycast-console: cannot write %s\n", qPrintable(dumpPath));
                QApplication::exit(1);
                return;
            }
            if (!auditPath.isEmpty() && !writeAudit(window, auditPath)) {
                QApplication::exit(1);
                return;
            }
            if (!path.isEmpty() && !writeScreenshot(window, path)) {
                std::fprintf(stderr, "anycast-console: cannot write %s\n", qPrintable(path));
                QApplication::exit(1);
                return;
            }
            if (!reached) {
                std::fprintf(stderr,
                             "anycast-console: only %d of %d nodes were connected and reporting "
                             "by the deadline; %s shows what there was\n",
                             ready.reporting(), ready.wanted(),
                             qPrintable(path.isEmpty() ? auditPath : path));
                QApplication::exit(kNotAllReported);
                return;
            }
            QApplication::quit();
        };
        const QString region = parser.value(selectOption);
        // Selecting shows the tree; the picture is still of the asked view. The models fold
        // changes in on a timer, so the region's row exists once the first settle is over;
        // its details and charts follow the selection during the second.
        const auto selectThenShoot = [&window, shoot, region, view] {
            if (!window.selectRegion(region))
                std::fprintf(stderr, "anycast-console: --select: no region '%s' in the fleet\n",
                             qPrintable(region));
            window.showView(view);
            QTimer::singleShot(kSettle, &window, [shoot] { shoot(true); });
        };
        QObject::connect(&ready, &anycast::ReadyWatch::finished, &window,
                         [&window, shoot, selectThenShoot, wanted, region](bool reached) {
                             if (!reached || (wanted == 0 && region.isEmpty())) {
                                 shoot(reached);
                                 return;
                             }
                             if (region.isEmpty())
                                 QTimer::singleShot(kSettle, &window, [shoot] { shoot(true); });
                             else
                                 QTimer::singleShot(kSettle, &window, selectThenShoot);
                         });
        ready.start();
    }
    const int status = app.exec();
    network.setPrompter(nullptr);
    return status;
}
