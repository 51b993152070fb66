#ifndef SCHED_JOB_METRICS_H
#define SCHED_JOB_METRICS_H

#include <memory>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <prometheus/summary.h>

namespace sched
{

class IJobMetrics
{
public:
  virtual ~IJobMetrics() = default;

  virtual void jobFinished(double seconds) = 0;
  virtual void queueDepth(double depth) = 0;
  virtual void jobsDropped(int count) = 0;
};

class PromJobMetrics : public IJobMetrics
{
public:
  PromJobMetrics();

  void jobFinished(double seconds) override;
  void queueDepth(double depth) override;
  void jobsDropped(int count) override;

  std::shared_ptr<prometheus::Registry> registry() const
  {
    return this->reg;
  }

private:
  std::shared_ptr<prometheus::Registry> reg;
  prometheus::Summary &jobSeconds;
  prometheus::Gauge &depth;
  prometheus::Counter &dropped;
};

} // namespace sched

#endif
