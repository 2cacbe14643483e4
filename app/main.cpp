#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QTranslator>

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
    parser.addOption(languageOption);
    parser.process(app);

    QTranslator translator;
    const QLocale locale =
        parser.isSet(languageOption) ? QLocale(parser.value(languageOption)) : QLocale::system();
    if (translator.load(locale, QStringLiteral("anycast-console"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/anycast-console.svg")));

    anycast::MainWindow window;
    window.show();
    return app.exec();
}
