#pragma once

#include "agent/state/DrainState.h"

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QString>

#include <sys/stat.h>

namespace anycast::test {

inline DrainRecord sampleDrain(const QString &target = {})
{
    DrainRecord record;
    record.target = target;
    record.mode = DrainMode::Graceful;
    record.reason = QStringLiteral("kernel upgrade");
    record.ticket = QStringLiteral("OPS-1234");
    record.by = QStringLiteral("alice");
    record.uid = 1001;
    record.since =
        QDateTime::fromString(QStringLiteral("2024-05-01T12:34:56.789Z"), Qt::ISODateWithMs);
    return record;
}

inline DrainState sampleState()
{
    DrainState state;
    state.set(sampleDrain());
    DrainRecord https = sampleDrain(QStringLiteral("https"));
    https.mode = DrainMode::Immediate;
    https.ticket.clear();
    https.forceWithdraw = true;
    state.set(https);
    return state;
}

inline void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(bytes);
}

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QByteArray stateBytes(const QJsonObject &json)
{
    return QJsonDocument(json).toJson();
}

inline mode_t permissionsOf(const QString &path)
{
    struct stat status
    {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0;
    return status.st_mode & 07777;
}

inline ino_t inodeOf(const QString &path)
{
    struct stat status
    {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0;
    return status.st_ino;
}

} // namespace anycast::test
