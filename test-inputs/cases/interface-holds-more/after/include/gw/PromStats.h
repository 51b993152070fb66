//===--- PromStats.h - Stats on a Prometheus registry -----------*- C++ -*-===//

#ifndef GW_PROMSTATS_H
#define GW_PROMSTATS_H

#include "gw/Stats.h"

#include <prometheus/registry.h>

#include <memory>

namespace gw {

class PromStats : public Stats {
public:
  PromStats();

  std::shared_ptr<prometheus::Registry> registry() const { return Registry; }

private:
  std::shared_ptr<prometheus::Registry> Registry;
};

} // namespace gw

#endif // GW_PROMSTATS_H
