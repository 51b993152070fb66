#include "worker/worker.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"
#include "telemetry/telemetry.h"

using namespace telemetry;

namespace worker {

prometheus::Counter& WORKER_JOBS_TOTAL = prometheus::BuildCounter()
                                             .Name("worker_jobs_total")
                                             .Help("Jobs done")
                                             .Register(metrics::Registry())
                                             .Add({});

int Work(int count) {
  int done = 0;
  for (int i = 0; i < count; ++i) {
    WORKER_JOBS_TOTAL.Increment();
    ++done;
  }
  return done;
}

}  // namespace worker
