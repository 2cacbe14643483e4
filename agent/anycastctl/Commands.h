#pragma once

namespace anycast {

struct Invocation;

// Connects to the agent, runs the command and prints its output; errors go to stderr as
// "anycastctl: <message>". Returns the exit code (ExitCodes.h).
int runInvocation(const Invocation &invocation);

} // namespace anycast
