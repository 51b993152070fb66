#include <memory>

#include "worker/worker.h"

int main() {
  return worker::Work(3) == 3 ? 0 : 1;
}
