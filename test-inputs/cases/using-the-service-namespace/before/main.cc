#include <memory>

#include "telemetry/telemetry.h"
#include "worker/worker.h"

int main() {
  telemetry::Telemetry telemetry(std::make_shared<prometheus::Registry>());
  return worker::Work(telemetry, 3) == 3 ? 0 : 1;
}
