#pragma once

namespace anycast {

// glibc raises its mmap threshold after a large block is freed, so the next large blocks
// (a `history` reply of several MB) come from the heap and stay in RSS after they are
// freed. A fixed threshold keeps large buffers mmapped: freed, they go back to the kernel.
// Call once, first thing in main().
void useFixedMmapThreshold();

// Gives freed heap pages back to the kernel (malloc_trim): after a burst of small
// allocations (one JSON object per history point), so answering a console does not raise
// the agent's steady-state RSS. Costs a walk of the heap: call after large replies only.
void releaseFreedMemory();

} // namespace anycast
