#include <QCoreApplication>

#include <gtest/gtest.h>

// The client runs on a Qt event loop; the tests spin it themselves.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
