#pragma once

#include <QString>

#include <memory>

class QMainWindow;
class QSettings;

namespace anycast {

// Where the main window's layout is remembered between runs: its geometry, its docks and
// toolbars (QMainWindow::saveState) and the view it showed. The user's settings are
// QSettings("anycast", "anycast-console"); the environment variable kFileVariable names an
// INI file to use instead, which is how tests and scripts keep their hands off them.
class WindowLayout final
{
public:
    static constexpr const char *kFileVariable = "ANYCAST_CONSOLE_SETTINGS";

    static std::unique_ptr<QSettings> open();
    static void save(QSettings &settings, const QMainWindow &window, const QString &view);
    // Restores what save() kept; returns the view it named (empty when nothing was kept).
    static QString restore(QSettings &settings, QMainWindow &window);
    // Forgets the layout (--reset-layout): the next start uses the defaults.
    static void reset(QSettings &settings);
};

} // namespace anycast
