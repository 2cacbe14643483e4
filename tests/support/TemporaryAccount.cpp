#include "tests/support/TemporaryAccount.h"

#include <QProcess>

#include <cstdio>
#include <pwd.h>

namespace anycast::labtest {

TemporaryAccount::TemporaryAccount(QString user, QString group)
    : m_user(std::move(user))
    , m_group(std::move(group))
{}

TemporaryAccount::~TemporaryAccount()
{
    if (m_userMade && QProcess::execute(QStringLiteral("userdel"), {m_user}) != 0)
        std::fprintf(stderr, "cannot remove the test user %s\n", qPrintable(m_user));
    if (m_groupMade && QProcess::execute(QStringLiteral("groupdel"), {m_group}) != 0)
        std::fprintf(stderr, "cannot remove the test group %s\n", qPrintable(m_group));
}

QString TemporaryAccount::create()
{
    if (QProcess::execute(QStringLiteral("groupadd"), {QStringLiteral("--system"), m_group}) != 0)
        return QStringLiteral("groupadd %1 failed").arg(m_group);
    m_groupMade = true;
    if (QProcess::execute(QStringLiteral("useradd"),
                          {QStringLiteral("--system"), QStringLiteral("--no-create-home"),
                           QStringLiteral("--shell"), QStringLiteral("/usr/sbin/nologin"),
                           QStringLiteral("--password"), QStringLiteral("*"),
                           QStringLiteral("--gid"), m_group, m_user}) != 0)
        return QStringLiteral("useradd %1 failed").arg(m_user);
    m_userMade = true;
    const passwd *entry = ::getpwnam(m_user.toUtf8().constData());
    if (!entry)
        return QStringLiteral("%1 was made but is not found").arg(m_user);
    m_uid = entry->pw_uid;
    m_gid = entry->pw_gid;
    return {};
}

} // namespace anycast::labtest
