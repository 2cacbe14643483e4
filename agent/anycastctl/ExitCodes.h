#pragma once

namespace anycast {

// anycastctl's exit codes: sysexits.h where one fits, so scripts can tell "the agent said
// no" from "there is no agent" (docs/API.md, "anycastctl").
inline constexpr int kExitOk = 0;
inline constexpr int kExitAgentError = 1;        // the agent answered with an error
inline constexpr int kExitUsage = 64;            // EX_USAGE
inline constexpr int kExitUnavailable = 69;      // EX_UNAVAILABLE: no agent, or it went away
inline constexpr int kExitTimeout = 75;          // EX_TEMPFAIL: no reply in time
inline constexpr int kExitProtocol = 76;         // EX_PROTOCOL: a reply that is not JSON-RPC
inline constexpr int kExitPermissionDenied = 77; // EX_NOPERM

} // namespace anycast
