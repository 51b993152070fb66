#include "sched/job_metrics.h"
#include "sched/job_registry.h"

namespace sched
{

PromJobMetrics::PromJobMetrics() : reg(sched::jobRegistryPtr())
{
}

} // namespace sched
