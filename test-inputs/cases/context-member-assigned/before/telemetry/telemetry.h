#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>

namespace kiosk {
namespace telemetry {

struct Sink {
  virtual ~Sink() = default;
  virtual void ticket_printed() = 0;
  virtual void ticket_voided() = 0;
};

class Telemetry : public Sink {
 public:
  Telemetry();

  void ticket_printed() override;
  void ticket_voided() override;

  prometheus::Registry& registry() { return *registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter& printed_;
  prometheus::Counter& voided_;
};

}  // namespace telemetry
}  // namespace kiosk
