#pragma once

#include <QStringList>

namespace anycast::test {

// Every Qt warning, critical or fatal message since the last call (the test main installs
// the handler that records them): a test of object lifetimes checks that there are none.
QStringList takeQtWarnings();
void installQtWarningRecorder();

} // namespace anycast::test
