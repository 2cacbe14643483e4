#include <QCoreApplication>

#include <gtest/gtest.h>

// Models and sessions run on a Qt event loop; the tests spin it themselves. No widgets.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
