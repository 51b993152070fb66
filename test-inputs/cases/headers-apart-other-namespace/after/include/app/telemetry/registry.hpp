#pragma once

#include <prometheus/registry.h>

namespace app {

/// The registry the process exposes.
prometheus::Registry& metricsRegistry();

}  // namespace app
