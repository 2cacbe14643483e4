#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace anycast {

// The sampler reports per service in the configured order, which is the order the agent made
// its monitors in. Every report is matched against that order here, by name, before a
// monitor is fed from it: a mismatch is an error to report, never one service judged on
// another's sockets. Empty when `reported` names exactly `expected`, in order.
template <typename Report, typename NameOf>
QString serviceOrderProblem(const QStringList &expected, const QList<Report> &reported,
                            NameOf nameOf)
{
    // Called at every fast-path tick: compare in place, build text only to report.
    const auto same = [&] {
        if (reported.size() != expected.size())
            return false;
        for (qsizetype i = 0; i < reported.size(); ++i) {
            if (nameOf(reported[i]) != expected[i])
                return false;
        }
        return true;
    };
    if (same())
        return {};
    QStringList names;
    names.reserve(reported.size());
    for (const Report &report : reported)
        names.append(nameOf(report));
    return QStringLiteral("services reported as [%1], configured as [%2]")
        .arg(names.join(QStringLiteral(", ")), expected.join(QStringLiteral(", ")));
}

} // namespace anycast
