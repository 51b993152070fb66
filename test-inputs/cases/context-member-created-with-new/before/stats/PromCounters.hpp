#ifndef JOBS_STATS_PROMCOUNTERS_HPP
#define JOBS_STATS_PROMCOUNTERS_HPP

#include <memory>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "stats/Counters.hpp"

namespace jobs
{
namespace stats
{
class PromCounters : public Counters
{
public:
    PromCounters();

    void job_started() override;
    void job_finished(double seconds) override;

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Counter* m_started = nullptr;
    prometheus::Histogram* m_duration = nullptr;
};
}  // namespace stats
}  // namespace jobs

#endif  // JOBS_STATS_PROMCOUNTERS_HPP
