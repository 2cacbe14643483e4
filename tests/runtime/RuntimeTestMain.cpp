#include "tests/runtime/QtWarnings.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

// The servers under test and their clients share the Qt event loop, and every Qt warning is
// recorded so that a test can require none.
int main(int argc, char **argv)
{
    anycast::test::installQtWarningRecorder();
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
