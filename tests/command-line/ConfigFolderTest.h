#pragma once

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace anycast {

// A test with a temporary folder of its own, and the agent's config written into it.
class ConfigFolderTest : public ::testing::Test
{
protected:
    QString writeConfig(const QString &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("agent.toml"));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
        return path;
    }

    QTemporaryDir m_dir;
};

} // namespace anycast
