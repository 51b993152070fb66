#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordCheckout(
      const std::string& region, const std::string& store,
      const std::string& channel, const std::string& device,
      const std::string& country, const std::string& currency,
      const std::string& campaign, const std::string& variant,
      const std::string& cohort, const std::string& tier) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordCheckout(const std::string& region, const std::string& store,
                      const std::string& channel, const std::string& device,
                      const std::string& country, const std::string& currency,
                      const std::string& campaign, const std::string& variant,
                      const std::string& cohort,
                      const std::string& tier) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& checkouts_total_;
};

}  // namespace shop
