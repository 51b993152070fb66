#pragma once

#include <app/telemetry/metrics.hpp>
#include <cstddef>
#include <string>

namespace app::pipeline {

class Router {
 public:
  explicit Router(telemetry::Metrics& metrics);

  void route(const std::string& topic, std::size_t records);

 private:
  telemetry::Metrics& m_metrics;
  std::size_t m_routed = 0;
};

}  // namespace app::pipeline
