#ifndef STATS_SINK_H_
#define STATS_SINK_H_

#include <cstddef>

#include "net/limits.h"

#endif  // STATS_SINK_H_
