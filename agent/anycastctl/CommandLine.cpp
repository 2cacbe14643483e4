#include "agent/anycastctl/CommandLine.h"

#include "agent/anycastctl/ExitCodes.h"
#include "common/protocol/TextParameter.h"

#include <QCommandLineParser>

#include <algorithm>

namespace anycast {
namespace {

const QStringList kCommands{QStringLiteral("status"), QStringLiteral("watch"),
                            QStringLiteral("events"), QStringLiteral("drain"),
                            QStringLiteral("undrain")};

const QString kCommandsText = QStringLiteral(
    "Commands:\n"
    "  status     the node, its services and prefixes (state and reason), drains in force\n"
    "  watch      one line per event and per sample until Ctrl-C [--events-only]\n"
    "  events     recent events [--limit N] [--after SEQ]\n"
    "  drain      stop attracting traffic: --reason TEXT [--service NAME] [--ticket T]\n"
    "             [--immediate] [--force]\n"
    "  undrain    announce again once healthy: --reason TEXT [--service NAME] [--ticket T]\n"
    "`anycastctl COMMAND --help` lists a command's options.\n");

const QString kExitCodesText = QStringLiteral(
    "Exit codes:\n"
    "  0   done\n"
    "  1   the agent answered with an error (its message is printed)\n"
    "  64  usage error (nothing was sent to the agent)\n"
    "  69  the agent is not running, refused the connection or went away\n"
    "  75  no reply within --timeout\n"
    "  76  protocol error: the reply is not JSON-RPC 2.0\n"
    "  77  permission denied: the socket is closed to you, or only operators may do this\n");

QString commandDescription(const QString &command)
{
    if (command == QLatin1String("status"))
        return QStringLiteral("The node, its services and prefixes, and the drains in force.");
    if (command == QLatin1String("watch")) {
        return QStringLiteral("Subscribe and print one line per event and per sample until "
                              "SIGINT or SIGTERM.");
    }
    if (command == QLatin1String("events"))
        return QStringLiteral("The agent's recent events, oldest first.");
    if (command == QLatin1String("drain")) {
        return QStringLiteral("Drain the node or one service: its prefixes stop attracting "
                              "traffic. Operators only; audited.");
    }
    return QStringLiteral("Undrain the node or one service: it announces again once healthy. "
                          "Operators only; audited.");
}

struct ConnectionOptions
{
    QCommandLineOption socket{QStringLiteral("socket"),
                              QStringLiteral("The agent's API socket (default: "
                                             "$ANYCAST_API_SOCKET, else %1).")
                                  .arg(QLatin1String(kDefaultApiSocket)),
                              QStringLiteral("PATH")};
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("Print the agent's JSON instead of tables.")};
    QCommandLineOption timeout{QStringLiteral("timeout"),
                               QStringLiteral("Seconds to wait for each reply (default 10)."),
                               QStringLiteral("SECONDS")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({socket, json, timeout}); }
};

struct CommandOptions
{
    QCommandLineOption service{QStringLiteral("service"),
                               QStringLiteral("One service instead of the whole node."),
                               QStringLiteral("NAME")};
    QCommandLineOption reason{QStringLiteral("reason"),
                              QStringLiteral("Why (required; written to the audit log)."),
                              QStringLiteral("TEXT")};
    QCommandLineOption ticket{QStringLiteral("ticket"),
                              QStringLiteral("A change or incident ticket."), QStringLiteral("T")};
    QCommandLineOption immediate{QStringLiteral("immediate"),
                                 QStringLiteral("Withdraw now instead of bleeding off.")};
    QCommandLineOption force{QStringLiteral("force"),
                             QStringLiteral("Withdraw even if the fleet guard would hold the "
                                            "route (the last announcers).")};
    QCommandLineOption eventsOnly{QStringLiteral("events-only"),
                                  QStringLiteral("Events only, no sample lines.")};
    QCommandLineOption limit{QStringLiteral("limit"),
                             QStringLiteral("At most N events, the newest (1..1000, default 100)."),
                             QStringLiteral("N")};
    QCommandLineOption after{QStringLiteral("after"),
                             QStringLiteral("Only events numbered above SEQ."),
                             QStringLiteral("SEQ")};

    void addTo(QCommandLineParser &parser, const QString &command) const
    {
        if (command == QLatin1String("drain"))
            parser.addOptions({service, reason, ticket, immediate, force});
        else if (command == QLatin1String("undrain"))
            parser.addOptions({service, reason, ticket});
        else if (command == QLatin1String("watch"))
            parser.addOption(eventsOnly);
        else if (command == QLatin1String("events"))
            parser.addOptions({limit, after});
    }
};

ParsedCommandLine usage(const QString &error)
{
    return {std::nullopt, QStringLiteral("anycastctl: %1\nTry 'anycastctl --help'.\n").arg(error),
            true, kExitUsage};
}

std::optional<qint64> integerIn(const QString &text, qint64 lowest, qint64 highest)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < lowest || value > highest)
        return std::nullopt;
    return value;
}

// Reads the command's own options into `invocation`: a usage error, or nullopt.
std::optional<QString> readCommandOptions(const QCommandLineParser &parser,
                                          const CommandOptions &options, Invocation &invocation)
{
    const QString &command = invocation.command;
    if (command == QLatin1String("drain") || command == QLatin1String("undrain")) {
        if (!parser.isSet(options.reason))
            return QStringLiteral("%1 needs --reason TEXT (it goes to the audit log)").arg(command);
        invocation.service = parser.value(options.service);
        invocation.reason = parser.value(options.reason);
        invocation.ticket = parser.value(options.ticket);
        // The agent's own rule, so that nothing it would refuse is sent; a set option is
        // checked even when empty, since an empty --service must not become the whole node.
        const struct
        {
            const QCommandLineOption &option;
            const QString &value;
            qsizetype maxLength;
        } texts[] = {{options.reason, invocation.reason, kMaxReasonLength},
                     {options.service, invocation.service, kMaxServiceNameLength},
                     {options.ticket, invocation.ticket, kMaxTicketLength}};
        for (const auto &text : texts) {
            if (!parser.isSet(text.option))
                continue;
            if (const auto problem = textParameterProblem(text.value, text.maxLength))
                return QStringLiteral("--%1 %2").arg(text.option.names().first(), *problem);
        }
    }
    if (command == QLatin1String("drain")) {
        invocation.immediate = parser.isSet(options.immediate);
        invocation.force = parser.isSet(options.force);
    }
    if (command == QLatin1String("watch"))
        invocation.eventsOnly = parser.isSet(options.eventsOnly);
    if (command == QLatin1String("events")) {
        if (parser.isSet(options.limit)) {
            invocation.limit = integerIn(parser.value(options.limit), 1, 1000);
            if (!invocation.limit)
                return QStringLiteral("--limit takes a number from 1 to 1000");
        }
        if (parser.isSet(options.after)) {
            invocation.after = integerIn(parser.value(options.after), 0, (qint64(1) << 53) - 1);
            if (!invocation.after)
                return QStringLiteral("--after takes an event number (0 or more)");
        }
    }
    return std::nullopt;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    const ConnectionOptions connection;
    QCommandLineParser global;
    global.setApplicationDescription(
        QStringLiteral("Operator CLI for anycast-agent: status, watch, events, drain, undrain."));
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help = global.addHelpOption();
    const QCommandLineOption version = global.addVersionOption();
    connection.addTo(global);
    global.addPositionalArgument(QStringLiteral("command"), kCommands.join(QStringLiteral(" | ")),
                                 QStringLiteral("COMMAND [options]"));
    if (!global.parse(arguments))
        return usage(global.errorText());
    if (global.isSet(help))
        return {std::nullopt, global.helpText() + u'\n' + kCommandsText + u'\n' + kExitCodesText};
    if (global.isSet(version))
        return {std::nullopt, QStringLiteral("anycastctl " ANYCAST_VERSION "\n")};
    const QStringList positional = global.positionalArguments();
    if (positional.isEmpty())
        return usage(QStringLiteral("no command given (%1)").arg(kCommands.join(u", ")));
    Invocation invocation;
    invocation.command = positional.first();
    if (!kCommands.contains(invocation.command)) {
        return usage(QStringLiteral("unknown command '%1' (%2)")
                         .arg(invocation.command, kCommands.join(u", ")));
    }

    const CommandOptions commandOptions;
    QCommandLineParser parser;
    parser.setApplicationDescription(commandDescription(invocation.command));
    const QCommandLineOption commandHelp = parser.addHelpOption();
    commandOptions.addTo(parser, invocation.command);
    connection.addTo(parser);
    parser.addPositionalArgument(invocation.command, QStringLiteral("the command"),
                                 invocation.command);
    if (!parser.parse(QStringList{arguments.value(0)} + positional.mid(1)))
        return usage(parser.errorText());
    if (parser.isSet(commandHelp))
        return {std::nullopt, parser.helpText() + u'\n' + kExitCodesText};
    if (!parser.positionalArguments().isEmpty()) {
        return usage(QStringLiteral("%1 takes no argument '%2'")
                         .arg(invocation.command, parser.positionalArguments().first()));
    }
    if (const auto error = readCommandOptions(parser, commandOptions, invocation))
        return usage(*error);

    // The global options, where either parser saw them; the later one wins.
    auto value = [&](const QCommandLineOption &option) {
        return parser.isSet(option) ? parser.value(option) : global.value(option);
    };
    invocation.json = parser.isSet(connection.json) || global.isSet(connection.json);
    invocation.socketPath = value(connection.socket);
    if (invocation.socketPath.isEmpty())
        invocation.socketPath = qEnvironmentVariable("ANYCAST_API_SOCKET");
    if (invocation.socketPath.isEmpty())
        invocation.socketPath = QString::fromLatin1(kDefaultApiSocket);
    if (parser.isSet(connection.timeout) || global.isSet(connection.timeout)) {
        bool ok = false;
        const double seconds = value(connection.timeout).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 86400)
            return usage(QStringLiteral("--timeout takes seconds, more than 0 and at most 86400"));
        invocation.timeout =
            std::chrono::milliseconds(std::max<qint64>(1, static_cast<qint64>(seconds * 1000)));
    }
    return {invocation, {}, false, kExitOk};
}

} // namespace anycast
