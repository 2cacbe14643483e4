// The undrain gate's words are a contract between the agent (which writes them as a route's
// reason) and the console (which reads N from them and knows the route is held back by an
// operator's undrain, not by a failure).
#include "common/protocol/UndrainGate.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

TEST(UndrainGate, WhatTheAgentWritesTheConsoleReadsBack)
{
    const UndrainGate gate{3, 1};
    const QString reason = undrainGateReason(gate);
    EXPECT_EQ(reason, QStringLiteral("undrained: announcing after 3 healthy checks (1 so far)"));
    EXPECT_EQ(undrainGateOf(reason), gate);
    // The agent may add to a reason; the gate is still recognised by its start.
    EXPECT_EQ(undrainGateOf(reason + QStringLiteral("; flap budget spent")), gate);
}

TEST(UndrainGate, AnyOtherReasonIsNoGate)
{
    for (const QString &reason :
         {QString(), QStringLiteral("down: no listener on :443"),
          QStringLiteral("drained by alice: kernel upgrade"),
          QStringLiteral("undrained: announcing after three healthy checks (0 so far)"),
          QStringLiteral("undrained: announcing after 99999 healthy checks (0 so far)"),
          QStringLiteral("down; undrained: announcing after 3 healthy checks (0 so far)")}) {
        EXPECT_FALSE(undrainGateOf(reason).has_value()) << reason.toStdString();
    }
}

} // namespace
} // namespace anycast
