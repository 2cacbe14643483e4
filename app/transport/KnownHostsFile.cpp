#include "app/transport/KnownHostsFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace anycast::KnownHostsFile {
namespace {

bool hashedMatches(const QString &field, const QString &host)
{
    // |1|base64(salt)|base64(HMAC-SHA1(salt, host))
    const QStringList parts = field.split(QLatin1Char('|'));
    if (parts.size() != 4 || parts[1] != QLatin1String("1"))
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray hash = QByteArray::fromBase64(parts[3].toLatin1());
    return !salt.isEmpty() &&
           QMessageAuthenticationCode::hash(host.toUtf8(), salt, QCryptographicHash::Sha1) == hash;
}

// ssh's patterns: '*' any run of characters, '?' one character, all else literal ('/' too,
// unlike a file glob).
bool wildcardMatches(const QString &pattern, const QString &text)
{
    QString expression;
    for (const QChar c : pattern) {
        if (c == QLatin1Char('*'))
            expression += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            expression += QLatin1Char('.');
        else
            expression += QRegularExpression::escape(QString(c));
    }
    const QRegularExpression regex(QRegularExpression::anchoredPattern(expression),
                                   QRegularExpression::CaseInsensitiveOption);
    return regex.match(text).hasMatch();
}

} // namespace

QString hostPort(const QString &host, int port)
{
    const QString lower = host.toLower();
    if (port == 0 || port == 22)
        return lower;
    return QStringLiteral("[%1]:%2").arg(lower).arg(port);
}

bool hostFieldMatches(const QString &field, const QString &host)
{
    if (field.startsWith(QLatin1Char('|')))
        return hashedMatches(field, host);
    bool matched = false;
    for (const QString &rawPattern : field.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const bool negated = rawPattern.startsWith(QLatin1Char('!'));
        const QString pattern = negated ? rawPattern.mid(1) : rawPattern;
        // A bracketed pattern may name port 22 explicitly: "[host]:22" matches "host".
        const QString subject =
            pattern.startsWith(QLatin1Char('[')) && !host.startsWith(QLatin1Char('['))
                ? QStringLiteral("[%1]:22").arg(host)
                : host;
        if (wildcardMatches(pattern, subject)) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

QString fingerprint(const QByteArray &keyBlob)
{
    QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256).toBase64();
    while (digest.endsWith('='))
        digest.chop(1);
    return QStringLiteral("SHA256:") + QString::fromLatin1(digest);
}

QList<KnownHostsEntry> entriesFor(const QString &host, const QByteArray &text,
                                  const QString &fileName)
{
    QList<KnownHostsEntry> entries;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const QString line = QString::fromUtf8(lines[index]).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList fields = line.split(QRegularExpression(QStringLiteral("\\s+")));
        if (fields.first().startsWith(QLatin1Char('@'))) {
            if (fields.first() == QLatin1String("@cert-authority"))
                continue;
            fields.removeFirst();
        }
        if (fields.size() < 3 || !hostFieldMatches(fields[0], host))
            continue;
        entries.append({fileName, static_cast<int>(index + 1), fields[1],
                        fingerprint(QByteArray::fromBase64(fields[2].toLatin1()))});
    }
    return entries;
}

QList<KnownHostsEntry> entriesInFile(const QString &host, const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return entriesFor(host, file.readAll(), fileName);
}

} // namespace anycast::KnownHostsFile
