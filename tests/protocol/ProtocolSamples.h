#pragma once

#include "protocol/AgentEvent.h"
#include "protocol/AgentStatus.h"
#include "protocol/HelloReply.h"
#include "protocol/MutationReply.h"
#include "protocol/SamplePoint.h"

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
