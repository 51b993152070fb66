#include "worker/Worker.hh"
#include "stats/ProcessRegistry.hh"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace worker {

prometheus::Counter& WORKER_FAILURES_TOTAL =
    prometheus::BuildCounter()
        .Name("worker_failures_total")
        .Help("Jobs that failed")
        .Register(stats::processRegistry())
        .Add({});

bool Worker::run(bool ok) {
    mStats.countJob();
    if (!ok) {
        WORKER_FAILURES_TOTAL.Increment();
    }
    return ok;
}

} // namespace worker
