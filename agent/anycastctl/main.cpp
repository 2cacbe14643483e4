#include "agent/anycastctl/CommandLine.h"
#include "agent/anycastctl/Commands.h"
#include "agent/anycastctl/ConsoleText.h"

#include <QCoreApplication>

#include <cstdio>

// anycastctl: the operator CLI over the agent's API socket (docs/API.md, "anycastctl").
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("anycastctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ANYCAST_VERSION));
    const anycast::ParsedCommandLine parsed =
        anycast::parseCommandLine(QCoreApplication::arguments());
    if (!parsed.invocation) {
        anycast::writeText(parsed.toStandardError ? stderr : stdout, parsed.text);
        return parsed.exitCode;
    }
    return anycast::runInvocation(*parsed.invocation);
}
