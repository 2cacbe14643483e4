#pragma once

#include "common/protocol/AgentEvent.h"
#include "common/protocol/AgentStatus.h"
#include "common/protocol/HelloReply.h"
#include "common/protocol/MutationReply.h"
#include "common/protocol/SamplePoint.h"

namespace anycast::protocoltest {

// Values with every field set away from its default, so a round trip that drops or swaps a
// field cannot compare equal by accident.
DrainRecord sampleDrain();
AgentStatus sampleStatus();
HelloReply sampleHello();
SamplePoint sampleSample();
AgentEvent sampleRouteEvent();
MutationReply sampleMutationReply();

} // namespace anycast::protocoltest
