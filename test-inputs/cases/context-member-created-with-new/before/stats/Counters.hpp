#ifndef JOBS_STATS_COUNTERS_HPP
#define JOBS_STATS_COUNTERS_HPP

namespace jobs
{
namespace stats
{
class Counters
{
public:
    virtual ~Counters() = default;

    virtual void job_started() = 0;
    virtual void job_finished(double seconds) = 0;
};
}  // namespace stats
}  // namespace jobs

#endif  // JOBS_STATS_COUNTERS_HPP
