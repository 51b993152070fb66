#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>

namespace gate {

enum class Outcome { Opened, Refused, TimedOut };
enum class Reason { BadBadge, Curfew };
enum class Side { In, Out };

class GateMetricsInterface {
public:
  virtual ~GateMetricsInterface() = default;
  virtual void outcome(Outcome o) = 0;
  virtual void refusal(Reason r) = 0;
  virtual void passage(Side s) = 0;
};

class GateMetrics : public GateMetricsInterface {
public:
  GateMetrics();

  void outcome(Outcome o) override;
  void refusal(Reason r) override;
  void passage(Side s) override;

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter> & outcomes_;
  prometheus::Family<prometheus::Counter> & refusals_;
  prometheus::Family<prometheus::Counter> & passages_;
};

} // namespace gate
