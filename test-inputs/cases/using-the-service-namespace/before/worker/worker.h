#ifndef WORKER_WORKER_H_
#define WORKER_WORKER_H_

namespace telemetry {
class Telemetry;
}  // namespace telemetry

namespace worker {

// Does `count` jobs.
int Work(telemetry::Telemetry& telemetry, int count);

}  // namespace worker

#endif  // WORKER_WORKER_H_
