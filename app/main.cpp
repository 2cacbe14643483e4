#include "DialogPrompter.h"
#include "FleetConnections.h"
#include "Inventory.h"
#include "InventoryLocation.h"
#include "InventoryWatcher.h"
#include "MainWindow.h"
#include "SshNetwork.h"
#include "session/ConsoleFleet.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

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
        QStringLiteral("User interface language, e.g. de (default: the system's)."),
        QStringLiteral("CODE"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QStringLiteral("Save the main window as a PNG and exit."),
        QStringLiteral("PNG"));
    const QCommandLineOption afterOption(QStringLiteral("after"),
                                         QStringLiteral("With --screenshot: wait this long first."),
                                         QStringLiteral("SECONDS"), QStringLiteral("1"));
    const QCommandLineOption inventoryOption(
        QStringLiteral("inventory"),
        QStringLiteral("The fleet inventory (default: %1).").arg(anycast::defaultInventoryPath()),
        QStringLiteral("FILE"));
    parser.addOptions({inventoryOption, languageOption, screenshotOption, afterOption});
    parser.process(app);

    QTranslator translator;
    const QLocale locale =
        parser.isSet(languageOption) ? QLocale(parser.value(languageOption)) : QLocale::system();
    if (translator.load(locale, QStringLiteral("anycast-console"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
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
    anycast::MainWindow window(fleet.state(), &inventory,
                               QString::fromLatin1(anycast::kDefaultAgentSocket));
    anycast::DialogPrompter prompter(&window);
    network.setPrompter(&prompter);
    inventory.start();
    window.show();
    if (parser.isSet(screenshotOption)) {
        bool ok = false;
        const double seconds = parser.value(afterOption).toDouble(&ok);
        if (!ok || seconds < 0) {
            std::fprintf(stderr, "anycast-console: --after needs a number of seconds\n");
            return 64;
        }
        const QString path = parser.value(screenshotOption);
        QTimer::singleShot(static_cast<int>(seconds * 1000), &window, [&window, path] {
            if (!window.grab().save(path, "PNG")) {
                std::fprintf(stderr, "anycast-console: cannot write %s\n", qPrintable(path));
                QApplication::exit(1);
                return;
            }
            QApplication::quit();
        });
    }
    const int status = app.exec();
    network.setPrompter(nullptr);
    return status;
}
