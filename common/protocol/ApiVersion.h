#pragma once

namespace anycast {

// The operator API's version, `versions.api` in `hello`. Every reply and notification shape
// in common/protocol belongs to this version: a console parses an agent's messages strictly
// (unknown keys are errors), so a change of shape means a new version, and a console that
// meets another version says "protocol version mismatch" instead of misreading the agent.
inline constexpr int kApiVersion = 1;

} // namespace anycast
