#include <QCoreApplication>

#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char **argv)
{
    // The developer's own ssh-agent must not decide what the tests see; the tests that use an
    // agent start their own.
    ::unsetenv("SSH_AUTH_SOCK");
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
