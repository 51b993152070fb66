#ifndef WORKER_WORKER_H_
#define WORKER_WORKER_H_

#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace worker {

extern prometheus::Counter& WORKER_JOBS_TOTAL;

// Does `count` jobs.
int Work(int count);

}  // namespace worker

#endif  // WORKER_WORKER_H_
