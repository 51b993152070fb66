#include "telemetry/process_registry.hh"
#include "work/scheduler.hh"

#include <memory>

int
main()
{
  auto registry = telemetry::process_registry_ptr();
  work::scheduler jobs;
  jobs.enqueue("fast");
  jobs.enqueue("slow");
  jobs.run_all();
  return 0;
}
