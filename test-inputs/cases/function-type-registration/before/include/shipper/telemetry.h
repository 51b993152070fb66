#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shipper {

// Every metric the shipper exports.
class Telemetry {
 public:
  Telemetry();

  void batch_sent(const std::string& sink);
  void send_failed(const std::string& sink);

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& batches_;
  prometheus::Family<prometheus::Counter>& failures_;
};

}  // namespace shipper
