//===--- PromStats.cpp - Stats on a Prometheus registry -------------------===//

#include "gw/PromStats.h"
#include "gw/ProcessRegistry.h"

using namespace gw;

PromStats::PromStats() : Registry(gw::processRegistryPtr()) {}
