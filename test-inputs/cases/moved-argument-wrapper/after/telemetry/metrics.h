#pragma once

#include <memory>
#include <string>
#include <utility>

#include <prometheus/registry.h>

namespace relay {

class Metrics {
public:
  explicit Metrics(std::shared_ptr<prometheus::Registry> registry);

private:
  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace relay
