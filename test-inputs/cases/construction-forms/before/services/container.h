#pragma once

#include <memory>
#include <vector>

#include "metrics/metrics_service.h"
#include "services/kit_service.h"

namespace shop {

// Owns the metrics service and every kit line, wired in each way the
// codebase constructs services.
class Container {
 public:
  Container();
  ~Container();

  Container(const Container&) = delete;
  Container& operator=(const Container&) = delete;

  MetricsService& metrics() { return metrics_; }
  void BuildAll();

 private:
  MetricsService metrics_;
  KitService plain_;
  KitService temporary_;
  KitService braced_;
  std::unique_ptr<KitService> unique_;
  std::shared_ptr<KitService> shared_;
  KitService* raw_;
  std::vector<KitService> pooled_;
};

}  // namespace shop
