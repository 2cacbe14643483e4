#include <QCoreApplication>

#include <gtest/gtest.h>

// The poller and the peer servers run on the Qt event loop, so the tests need an application.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
