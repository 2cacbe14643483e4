#include "app/widgets/WindowLayout.h"

#include <QMainWindow>
#include <QSettings>

namespace anycast {
namespace {

// Bumped when the docks or toolbars change so much that an old state would misplace them.
constexpr int kStateVersion = 1;

const QString kGroup = QStringLiteral("mainWindow");
const QString kGeometry = QStringLiteral("geometry");
const QString kState = QStringLiteral("state");
const QString kView = QStringLiteral("view");

} // namespace

std::unique_ptr<QSettings> WindowLayout::open()
{
    const QString file = qEnvironmentVariable(kFileVariable);
    if (!file.isEmpty())
        return std::make_unique<QSettings>(file, QSettings::IniFormat);
    return std::make_unique<QSettings>(QStringLiteral("anycast"),
                                       QStringLiteral("anycast-console"));
}

void WindowLayout::save(QSettings &settings, const QMainWindow &window, const QString &view)
{
    settings.beginGroup(kGroup);
    settings.setValue(kGeometry, window.saveGeometry());
    settings.setValue(kState, window.saveState(kStateVersion));
    settings.setValue(kView, view);
    settings.endGroup();
    settings.sync();
}

QString WindowLayout::restore(QSettings &settings, QMainWindow &window)
{
    settings.beginGroup(kGroup);
    const QByteArray geometry = settings.value(kGeometry).toByteArray();
    const QByteArray state = settings.value(kState).toByteArray();
    const QString view = settings.value(kView).toString();
    settings.endGroup();
    // A damaged entry is ignored: the window keeps its defaults rather than failing to open.
    if (!geometry.isEmpty())
        window.restoreGeometry(geometry);
    if (!state.isEmpty())
        window.restoreState(state, kStateVersion);
    return view;
}

void WindowLayout::reset(QSettings &settings)
{
    settings.remove(kGroup);
    settings.sync();
}

} // namespace anycast
