#pragma once

#include <QString>

#include <sys/types.h>

namespace anycast::labtest {

// A system group and a user in it (no home, no shell, no password yet not locked, so that
// sshd lets it log in with a key), made for one test and removed when this goes, whatever
// happened in between. Needs root.
class TemporaryAccount
{
public:
    TemporaryAccount(QString user, QString group);
    ~TemporaryAccount();
    TemporaryAccount(const TemporaryAccount &) = delete;
    TemporaryAccount &operator=(const TemporaryAccount &) = delete;

    // Empty on success, else what failed.
    QString create();
    const QString &user() const { return m_user; }
    const QString &group() const { return m_group; }
    uid_t uid() const { return m_uid; }
    gid_t gid() const { return m_gid; }

private:
    QString m_user;
    QString m_group;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    bool m_groupMade = false;
    bool m_userMade = false;
};

} // namespace anycast::labtest
