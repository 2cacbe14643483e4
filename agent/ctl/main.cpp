#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

// anycastctl talks to the agent's operator API (DESIGN.md, "API"). The API server lands with
// the agent service work; until then this binary says so plainly instead of pretending.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("anycastctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ANYCAST_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Operator CLI for anycast-agent: status, watch, events, drain, undrain."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("status | watch | events | drain | undrain"));
    parser.process(app);
    std::fprintf(stderr, "anycastctl: the agent's operator API is not implemented yet; "
                         "use `anycast-agent --config FILE --once` to see a sample\n");
    return 69; // EX_UNAVAILABLE
}
