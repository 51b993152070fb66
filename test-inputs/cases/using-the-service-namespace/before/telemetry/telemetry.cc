#include "telemetry/telemetry.h"

namespace telemetry {

Telemetry::Telemetry(std::shared_ptr<prometheus::Registry> registry)
    : m_registry(std::move(registry)),
      m_jobs(prometheus::BuildCounter()
                 .Name("worker_jobs_total")
                 .Help("Jobs done")
                 .Register(*m_registry)
                 .Add({})) {}

void Telemetry::JobDone() {
  m_jobs.Increment();
}

}  // namespace telemetry
