#pragma once

#include <memory>
#include <string>

#include "telemetry/metrics.h"

namespace relay {

class Link {
public:
  Link(std::string pool, std::shared_ptr<Metrics> metrics);
  void on_frame(const std::string& kind);
  void on_batch(int n);
  void on_idle();

private:
  std::string pool_;
  std::shared_ptr<Metrics> metrics_;
};

}  // namespace relay
