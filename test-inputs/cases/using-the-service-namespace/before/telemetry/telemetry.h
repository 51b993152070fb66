#ifndef TELEMETRY_TELEMETRY_H_
#define TELEMETRY_TELEMETRY_H_

#include <memory>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

namespace telemetry {

class Telemetry {
 public:
  explicit Telemetry(std::shared_ptr<prometheus::Registry> registry);

  void JobDone();

 private:
  std::shared_ptr<prometheus::Registry> m_registry;
  prometheus::Counter& m_jobs;
};

}  // namespace telemetry

#endif  // TELEMETRY_TELEMETRY_H_
