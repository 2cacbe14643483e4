#pragma once

// Fixture readers shared by the host-counter tests: an independent reading of each /proc
// format, so the parsers are compared against the files, not against their own output.

#include "agent/sampler/HostCountersReader.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <sys/stat.h>

namespace anycast::hosttest {

inline const QString kHostFixtures = QStringLiteral(ANYCAST_FIXTURE_DIR "/proc/host");

inline QByteArray fixture(const QString &relative)
{
    QFile file(kHostFixtures + QLatin1Char('/') + relative);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open fixture " << relative.toStdString();
        return {};
    }
    return file.readAll();
}

// What the hand-written known/net/snmp and known/net/netstat say for the counters the agent
// reads: distinct numbers, so that a name or value shifted by one position shows up.
inline QMap<QString, quint64> knownSnmpCounters()
{
    return {
        {QStringLiteral("Tcp.RetransSegs"), 4242},
        {QStringLiteral("Tcp.OutSegs"), 18446744073709551000ULL},
        {QStringLiteral("Tcp.AttemptFails"), 31},
        {QStringLiteral("Tcp.EstabResets"), 41},
        {QStringLiteral("Tcp.InErrs"), 7},
    };
}

inline QMap<QString, quint64> knownNetstatCounters()
{
    return {
        {QStringLiteral("TcpExt.ListenOverflows"), 12},
        {QStringLiteral("TcpExt.ListenDrops"), 13},
        {QStringLiteral("TcpExt.TCPTimeouts"), 14},
        {QStringLiteral("TcpExt.TCPSynRetrans"), 15},
        {QStringLiteral("TcpExt.TCPAbortOnTimeout"), 16},
    };
}

inline std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

inline std::string text(const QString &value)
{
    return value.toStdString();
}

// A second, deliberately different reading of the snmp format (QString splitting and
// regular expressions instead of string_view cursors): every "Group.Name" in the text with
// its value as written. The tests compare the parser against this, not against numbers
// copied from the parser's own output.
inline QMap<QString, QString> referenceCounters(const QByteArray &bytes)
{
    QMap<QString, QString> result;
    const QStringList lines =
        QString::fromLatin1(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QRegularExpression blanks(QStringLiteral("\\s+"));
    for (qsizetype i = 0; i + 1 < lines.size(); i += 2) {
        QStringList names = lines[i].split(blanks, Qt::SkipEmptyParts);
        QStringList values = lines[i + 1].split(blanks, Qt::SkipEmptyParts);
        EXPECT_EQ(names.first(), values.first()) << "fixture lines are not in pairs";
        const QString group = names.takeFirst().chopped(1); // "Tcp:" -> "Tcp"
        values.removeFirst();
        EXPECT_EQ(names.size(), values.size());
        for (qsizetype n = 0; n < names.size() && n < values.size(); ++n)
            result.insert(group + QLatin1Char('.') + names[n], values[n]);
    }
    return result;
}

// The watched counters the reference reading finds, as numbers.
inline QMap<QString, quint64> watchedInReference(const QByteArray &bytes)
{
    const QMap<QString, QString> all = referenceCounters(bytes);
    QMap<QString, quint64> result;
    for (const QString &name : watchedHostCounters()) {
        if (!all.contains(name))
            continue;
        bool ok = false;
        result.insert(name, all.value(name).toULongLong(&ok));
        EXPECT_TRUE(ok) << text(name) << " in the fixture is not a number";
    }
    return result;
}

// The TCP line of a sockstat text, read independently of parseSockStat.
inline SockStat referenceSockStat(const QByteArray &bytes)
{
    SockStat result;
    const QStringList lines = QString::fromLatin1(bytes).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.startsWith(QStringLiteral("TCP: ")))
            continue;
        const QStringList parts = line.mid(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i + 1 < parts.size(); i += 2) {
            const quint64 value = parts[i + 1].toULongLong();
            if (parts[i] == QStringLiteral("inuse"))
                result.inUse = value;
            else if (parts[i] == QStringLiteral("orphan"))
                result.orphan = value;
            else if (parts[i] == QStringLiteral("tw"))
                result.timeWait = value;
            else if (parts[i] == QStringLiteral("alloc"))
                result.allocated = value;
            else if (parts[i] == QStringLiteral("mem"))
                result.memoryPages = value;
        }
    }
    return result;
}

inline bool isPrintable(const QString &message)
{
    for (QChar c : message) {
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

inline const QString kTcpNames = QStringLiteral(
    "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails "
    "EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors\n");

} // namespace anycast::hosttest
