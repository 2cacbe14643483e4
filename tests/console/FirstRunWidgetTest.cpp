#include "app/widgets/FirstRunWidget.h"

#include "app/inventory/InventoryReader.h"

#include <QApplication>
#include <QLocalServer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace anycast {
namespace {

TEST(FirstRunWidgetTest, TheExampleItShowsIsAGoodInventory)
{
    const auto inventory =
        parseInventory(FirstRunWidget::exampleInventory(), QStringLiteral("example.toml"));
    ASSERT_TRUE(inventory.ok()) << inventory.error().toStdString();
    EXPECT_EQ(inventory->nodes.size(), 3);
}

TEST(FirstRunWidgetTest, OffersTheLocalAgentOnlyWhenItsSocketExists)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString socket = dir.filePath(QStringLiteral("api.sock"));
    {
        FirstRunWidget without(dir.filePath(QStringLiteral("fleet.toml")), socket);
        EXPECT_EQ(without.findChild<QPushButton *>(QStringLiteral("useLocalAgent")), nullptr);
    }
    QLocalServer agent;
    ASSERT_TRUE(agent.listen(socket));
    FirstRunWidget with(dir.filePath(QStringLiteral("fleet.toml")), socket);
    auto *button = with.findChild<QPushButton *>(QStringLiteral("useLocalAgent"));
    ASSERT_NE(button, nullptr);
    EXPECT_TRUE(button->text().contains(socket));
    QSignalSpy chosen(&with, &FirstRunWidget::localAgentChosen);
    button->click();
    EXPECT_EQ(chosen.count(), 1);
    auto *example = with.findChild<QPlainTextEdit *>(QStringLiteral("exampleInventory"));
    ASSERT_NE(example, nullptr);
    EXPECT_EQ(example->toPlainText(), FirstRunWidget::exampleInventory());
}

} // namespace
} // namespace anycast

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
