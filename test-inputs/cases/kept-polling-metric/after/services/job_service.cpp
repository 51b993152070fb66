#include "services/job_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& JOBS_SUBMITTED_TOTAL =
    prometheus::BuildCounter()
        .Name("jobs_submitted_total")
        .Help("Jobs submitted to the queue")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

JobService::JobService() {}

void JobService::Submit(const std::string& job) {
  queue_.push_back(job);
  JOBS_SUBMITTED_TOTAL.Increment();
}

}  // namespace shop
