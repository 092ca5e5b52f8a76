#include "result.h"

// Result is header-only; this file keeps the target's source list honest about where it lives.
