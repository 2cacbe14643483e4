#pragma once

#include <QString>

namespace anycast {

// Names an operator reads on screens, in logs and in metrics labels (node, region, service):
// why `name` is not one, or empty when it is. A name is 1 to kMaxDisplayNameLength
// characters of printable text, with no control or format characters, no whitespace other
// than inner spaces, and none at either end.
inline constexpr int kMaxDisplayNameLength = 64;
QString displayNameProblem(const QString &name);

} // namespace anycast
