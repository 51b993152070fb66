#pragma once

#include <prometheus/registry.h>

namespace gw {

/// The process-wide registry every metric registers on.
inline prometheus::Registry &DefaultRegistry() {
  static prometheus::Registry registry;
  return registry;
}

} // namespace gw
