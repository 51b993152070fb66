#ifndef JOBS_STATS_PROMCOUNTERS_HPP
#define JOBS_STATS_PROMCOUNTERS_HPP

#include <memory>

#include <prometheus/registry.h>

namespace jobs
{
namespace stats
{
class PromCounters
{
public:
    PromCounters();

private:
    std::shared_ptr<prometheus::Registry> m_registry;
};
}  // namespace stats
}  // namespace jobs

#endif  // JOBS_STATS_PROMCOUNTERS_HPP
