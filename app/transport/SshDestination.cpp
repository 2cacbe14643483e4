#include "app/transport/SshDestination.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace anycast {
namespace {

bool isUserName(const QString &user)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._][A-Za-z0-9._-]{0,31}$"));
    return pattern.match(user).hasMatch();
}

// A DNS name or an ssh_config alias: labels of letters, digits, '-' and '_' (aliases often
// use '_'), separated by single dots.
bool isHostName(const QString &host)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_][A-Za-z0-9_-]{0,62})*$"));
    return host.size() <= 253 && pattern.match(host).hasMatch();
}

std::optional<quint16> parsePort(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{0,4}$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    const uint port = text.toUInt();
    if (port > 65535)
        return std::nullopt;
    return static_cast<quint16>(port);
}

} // namespace

Result<SshDestination> SshDestination::parse(const QString &text)
{
    using R = Result<SshDestination>;
    if (text.isEmpty())
        return R::failure(QStringLiteral("ssh is empty; write user@host[:port] or a Host alias"));
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return R::failure(QStringLiteral("ssh must not contain spaces or control characters"));
    }
    SshDestination destination;
    QString rest = text;
    if (const qsizetype at = rest.indexOf(QLatin1Char('@')); at >= 0) {
        destination.user = rest.left(at);
        rest = rest.mid(at + 1);
        if (destination.user.isEmpty())
            return R::failure(QStringLiteral("ssh: the user before '@' is empty"));
        if (!isUserName(destination.user)) {
            return R::failure(QStringLiteral("ssh: '%1' is not a user name (letters, digits, "
                                             "'.', '_' and '-', at most 32)")
                                  .arg(destination.user));
        }
        if (rest.contains(QLatin1Char('@')))
            return R::failure(QStringLiteral("ssh: more than one '@'"));
    }
    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return R::failure(QStringLiteral("ssh: '[' without ']'"));
        destination.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(QLatin1Char(':')))
            return R::failure(QStringLiteral("ssh: only ':port' may follow ']'"));
        portText = after.isEmpty() ? QString() : after.mid(1);
        if (portText.isEmpty() && !after.isEmpty())
            return R::failure(QStringLiteral("ssh: the port after ':' is empty"));
        const QHostAddress address(destination.host);
        if (address.protocol() != QAbstractSocket::IPv6Protocol ||
            destination.host.contains(QLatin1Char('%'))) {
            return R::failure(
                QStringLiteral("ssh: '%1' in brackets must be an IPv6 address without a scope")
                    .arg(destination.host));
        }
    } else {
        const qsizetype colons = rest.count(QLatin1Char(':'));
        if (colons > 1) {
            return R::failure(QStringLiteral("ssh: an IPv6 address needs brackets, e.g. "
                                             "noc@[2001:db8::1]:22"));
        }
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        destination.host = colon < 0 ? rest : rest.left(colon);
        if (colon >= 0) {
            portText = rest.mid(colon + 1);
            if (portText.isEmpty())
                return R::failure(QStringLiteral("ssh: the port after ':' is empty"));
        }
        if (destination.host.isEmpty())
            return R::failure(QStringLiteral("ssh: the host is empty"));
        if (!isHostName(destination.host)) {
            return R::failure(
                QStringLiteral("ssh: '%1' is not a host name, IPv4 address or ssh_config alias")
                    .arg(destination.host));
        }
    }
    if (!portText.isEmpty()) {
        const auto port = parsePort(portText);
        if (!port) {
            return R::failure(
                QStringLiteral("ssh: port '%1' must be a number from 1 to 65535").arg(portText));
        }
        destination.port = *port;
    }
    destination.host = destination.host.toLower();
    return R::success(destination);
}

QString SshDestination::toString() const
{
    QString text = user.isEmpty() ? QString() : user + QLatin1Char('@');
    const bool bracket = host.contains(QLatin1Char(':'));
    text += bracket ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port != 0)
        text += QLatin1Char(':') + QString::number(port);
    return text;
}

} // namespace anycast
