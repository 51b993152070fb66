#ifndef GATEWAYMETRICS_H
#define GATEWAYMETRICS_H

#include <prometheus/registry.h>

#include <memory>
#include <vector>

class GatewayMetrics {
 public:
  GatewayMetrics();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
};

#endif  // GATEWAYMETRICS_H
