#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

// anycast-exabgp-bridge runs as an ExaBGP API process and relays between ExaBGP and the
// agent's bgp_socket (DESIGN.md, "ExaBGP"). The relay lands with the BGP control work; until
// then it refuses to start, so ExaBGP's logs say why no route is announced.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("anycast-exabgp-bridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ANYCAST_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Relays route commands between anycast-agent and ExaBGP."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("socket"), QStringLiteral("The agent's bgp_socket."),
                      QStringLiteral("PATH")});
    parser.process(app);
    std::fprintf(stderr, "anycast-exabgp-bridge: not implemented yet\n");
    return 69; // EX_UNAVAILABLE
}
