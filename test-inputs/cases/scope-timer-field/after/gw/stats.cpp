#include "gw/stats.h"
#include "gw/registry.h"

namespace gw {

Stats::Stats() : registry_(gw::DefaultRegistryPtr()) {}

}  // namespace gw
