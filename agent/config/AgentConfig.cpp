#include "AgentConfig.h"
