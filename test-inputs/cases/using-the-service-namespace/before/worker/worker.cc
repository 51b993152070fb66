#include "worker/worker.h"

#include "telemetry/telemetry.h"

using namespace telemetry;

namespace worker {

int Work(Telemetry& telemetry, int count) {
  int done = 0;
  for (int i = 0; i < count; ++i) {
    telemetry.JobDone();
    ++done;
  }
  return done;
}

}  // namespace worker
