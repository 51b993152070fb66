#pragma once

#include <prometheus/registry.h>

#include <memory>

#include "gw/istats.h"

namespace gw {

class Stats : public IStats {
 public:
  Stats();

 private:
  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace gw
