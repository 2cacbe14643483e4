#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace anycast {

// The longest service name, reason and ticket a drain or undrain may carry.
inline constexpr qsizetype kMaxServiceNameLength = 200;
inline constexpr qsizetype kMaxReasonLength = 500;
inline constexpr qsizetype kMaxTicketLength = 100;

// The rule for the free text an operator gives a mutation (a service name, a reason, a
// ticket), shared by the agent, which refuses what breaks it, and anycastctl, which never
// sends it: not empty, not blank, no leading or trailing whitespace (refused, not trimmed:
// what is audited is exactly what was sent), no control characters (they would break the
// audit log's one-line records on a terminal), at most maxLength characters. Returns what is
// wrong ("must not be blank"), or nullopt.
std::optional<QString> textParameterProblem(QStringView text, qsizetype maxLength);

} // namespace anycast
