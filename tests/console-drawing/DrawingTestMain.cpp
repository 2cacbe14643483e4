#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    // Drawing tests grab widgets into images: never on the developer's display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
