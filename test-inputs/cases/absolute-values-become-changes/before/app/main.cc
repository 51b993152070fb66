#include "telemetry/pipeline_metrics.hh"
#include "work/scheduler.hh"

#include <memory>

int
main()
{
  auto registry = std::make_shared<prometheus::Registry>();
  telemetry::pipeline_metrics metrics(registry);
  work::scheduler jobs(metrics);
  jobs.enqueue("fast");
  jobs.enqueue("slow");
  jobs.run_all();
  return 0;
}
