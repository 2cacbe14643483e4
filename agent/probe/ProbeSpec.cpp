#include "agent/probe/ProbeSpec.h"

#include <QDir>
#include <QHostAddress>
#include <QProcess>

#include <algorithm>
#include <optional>

namespace anycast {
namespace {

const QString kTcpPrefix = QStringLiteral("tcp://");
const QString kHttpPrefix = QStringLiteral("http://");
const QString kHttpsPrefix = QStringLiteral("https://");
const QString kExecPrefix = QStringLiteral("exec:");

Result<ProbeSpec> failure(const QString &text, const QString &reason)
{
    return Result<ProbeSpec>::failure(QStringLiteral("probe '%1': %2").arg(text, reason));
}

// "1".."65535" only: no sign, no spaces, no hex, so a typo never becomes another port.
std::optional<quint16> parsePort(const QString &text)
{
    if (text.isEmpty() || text.size() > 5)
        return std::nullopt;
    for (const QChar c : text) {
        if (!c.isDigit() || c.unicode() > '9')
            return std::nullopt;
    }
    const uint value = text.toUInt();
    if (value < 1 || value > 65535)
        return std::nullopt;
    return static_cast<quint16>(value);
}

bool isValidHostName(const QString &host)
{
    QUrl url;
    url.setScheme(QStringLiteral("tcp"));
    url.setHost(host, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty();
}

Result<ProbeSpec> parseTcp(const QString &text, const QString &rest)
{
    const QString form = QStringLiteral("(tcp://HOST:PORT)");
    if (rest.isEmpty())
        return failure(text, QStringLiteral("tcp probe needs a host and a port %1").arg(form));
    for (const QChar c : {QChar(u'/'), QChar(u'?'), QChar(u'#'), QChar(u'@')}) {
        if (rest.contains(c)) {
            return failure(text,
                           QStringLiteral("tcp probe takes only HOST:PORT, no path, query or user "
                                          "%1")
                               .arg(form));
        }
    }

    QString host;
    QString portText;
    bool hasPort = false;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return failure(text, QStringLiteral("IPv6 address is missing its ']' %1").arg(form));
        host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(u':'))
            return failure(text, QStringLiteral("expected ':PORT' after ']' %1").arg(form));
        hasPort = !after.isEmpty();
        portText = after.mid(1);
        if (QHostAddress(host).protocol() != QAbstractSocket::IPv6Protocol)
            return failure(text, QStringLiteral("'%1' is not an IPv6 address").arg(host));
    } else {
        const qsizetype colon = rest.lastIndexOf(u':');
        host = colon < 0 ? rest : rest.left(colon);
        hasPort = colon >= 0;
        portText = colon < 0 ? QString() : rest.mid(colon + 1);
        if (host.contains(u':')) {
            return failure(text,
                           QStringLiteral("an IPv6 address needs brackets (tcp://[::1]:PORT)"));
        }
        if (host.isEmpty())
            return failure(text, QStringLiteral("tcp probe needs a host %1").arg(form));
        if (!isValidHostName(host))
            return failure(text, QStringLiteral("'%1' is not a valid host name").arg(host));
    }

    if (!hasPort || portText.isEmpty())
        return failure(text, QStringLiteral("tcp probe needs a port %1").arg(form));
    const auto port = parsePort(portText);
    if (!port) {
        return failure(text,
                       QStringLiteral("port '%1' is not a number from 1 to 65535").arg(portText));
    }

    ProbeSpec spec;
    spec.kind = ProbeSpec::Kind::Tcp;
    spec.host = host;
    spec.port = *port;
    return Result<ProbeSpec>::success(std::move(spec));
}

Result<ProbeSpec> parseHttp(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return failure(text, QStringLiteral("not a valid URL: %1").arg(url.errorString()));
    if (url.host().isEmpty())
        return failure(text, QStringLiteral("http probe needs a host (http://HOST/PATH)"));

    ProbeSpec spec;
    spec.kind = ProbeSpec::Kind::Http;
    spec.url = url;
    return Result<ProbeSpec>::success(std::move(spec));
}

Result<ProbeSpec> parseExec(const QString &text, const QString &rest)
{
    const QStringList command = QProcess::splitCommand(rest);
    if (command.isEmpty()) {
        return failure(text, QStringLiteral("exec probe needs a command (exec:/path/to/cmd args)"));
    }
    // No PATH search: the agent runs with whatever PATH its service manager gives it, and a
    // health check must not change meaning with it.
    if (!QDir::isAbsolutePath(command.first())) {
        return failure(text, QStringLiteral("exec probe needs an absolute program path, not '%1' "
                                            "(exec:/path/to/cmd args)")
                                 .arg(command.first()));
    }

    ProbeSpec spec;
    spec.kind = ProbeSpec::Kind::Exec;
    spec.command = command;
    return Result<ProbeSpec>::success(std::move(spec));
}

// The inverse of QProcess::splitCommand: quote what has spaces or quotes, a literal quote
// is written as three. An empty argument is written as "" but splitCommand drops it.
QString quoteArgument(const QString &argument)
{
    const bool needsQuotes =
        argument.isEmpty() || argument.contains(u'"') ||
        std::any_of(argument.begin(), argument.end(), [](QChar c) { return c.isSpace(); });
    if (!needsQuotes)
        return argument;
    QString quoted = argument;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

Result<ProbeSpec> ProbeSpec::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto startsWith = [&trimmed](const QString &prefix) {
        return trimmed.startsWith(prefix, Qt::CaseInsensitive);
    };
    if (startsWith(kTcpPrefix))
        return parseTcp(trimmed, trimmed.mid(kTcpPrefix.size()));
    if (startsWith(kHttpPrefix) || startsWith(kHttpsPrefix))
        return parseHttp(trimmed);
    if (startsWith(kExecPrefix))
        return parseExec(trimmed, trimmed.mid(kExecPrefix.size()));
    return failure(trimmed, QStringLiteral("unknown kind of probe; use tcp://HOST:PORT, "
                                           "http(s)://URL or exec:/path/to/cmd args"));
}

QString ProbeSpec::toString() const
{
    switch (kind) {
    case Kind::Tcp: {
        const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
        return kTcpPrefix + shownHost + u':' + QString::number(port);
    }
    case Kind::Http:
        // The string ends up in logs and on the console: a password in the URL stays out.
        return url.toString(QUrl::RemovePassword);
    case Kind::Exec: {
        QStringList quoted;
        quoted.reserve(command.size());
        for (const QString &argument : command)
            quoted.append(quoteArgument(argument));
        return kExecPrefix + quoted.join(u' ');
    }
    }
    return QString();
}

} // namespace anycast
