#include "tests/runtime/QtWarnings.h"

#include <QMutex>

#include <cstdio>
#include <utility>

namespace anycast::test {
namespace {

QMutex g_mutex;
QStringList g_warnings;

void record(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    std::fprintf(stderr, "qt: %s\n", qPrintable(message));
    if (type == QtDebugMsg || type == QtInfoMsg)
        return;
    const QMutexLocker lock(&g_mutex);
    g_warnings.append(message);
}

} // namespace

QStringList takeQtWarnings()
{
    const QMutexLocker lock(&g_mutex);
    return std::exchange(g_warnings, {});
}

void installQtWarningRecorder()
{
    qInstallMessageHandler(record);
}

} // namespace anycast::test
