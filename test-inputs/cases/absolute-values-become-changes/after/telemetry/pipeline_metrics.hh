#pragma once

#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace telemetry {

// Every metric of the pipeline, on the registry it is given.
class pipeline_metrics
{
public:
  explicit pipeline_metrics(std::shared_ptr<prometheus::Registry> registry);

private:
  std::shared_ptr<prometheus::Registry> m_registry;
};

} // namespace telemetry
