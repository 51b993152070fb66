#ifndef SCHED_JOB_METRICS_H
#define SCHED_JOB_METRICS_H

#include <memory>

#include <prometheus/registry.h>

namespace sched
{

class PromJobMetrics
{
public:
  PromJobMetrics();

  std::shared_ptr<prometheus::Registry> registry() const
  {
    return this->reg;
  }

private:
  std::shared_ptr<prometheus::Registry> reg;
};

} // namespace sched

#endif
