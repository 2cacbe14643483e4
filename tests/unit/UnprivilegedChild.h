#pragma once

#include <functional>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

namespace anycast::test {

// Runs `body` as an unprivileged user and returns its result (0 = passed). Root reads any
// file, so permission errors are only observable after dropping privileges; as root this
// forks and becomes nobody (65534) in the child, otherwise it runs `body` in place.
inline int runUnprivileged(const std::function<int()> &body)
{
    if (geteuid() != 0)
        return body();
    const pid_t child = fork();
    if (child == 0) {
        constexpr uid_t kNobody = 65534;
        if (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0)
            _exit(100);
        _exit(body());
    }
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) != child || !WIFEXITED(status))
        return 101;
    return WEXITSTATUS(status);
}

} // namespace anycast::test
