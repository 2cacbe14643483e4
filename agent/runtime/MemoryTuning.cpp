#include "agent/runtime/MemoryTuning.h"

#include <malloc.h>

namespace anycast {

void useFixedMmapThreshold()
{
    constexpr int kThresholdBytes = 256 * 1024;
    mallopt(M_MMAP_THRESHOLD, kThresholdBytes);
}

void releaseFreedMemory()
{
    malloc_trim(0);
}

} // namespace anycast
