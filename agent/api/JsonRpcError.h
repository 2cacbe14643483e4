#pragma once

// The error codes and RpcError live with the rest of the protocol in common/protocol.
#include "protocol/RpcError.h"
