#include <memory>

#include <prometheus/registry.h>

#include "net/link.h"

int main() {
  relay::Link link("east");
  link.on_frame("data");
  link.on_batch(3);
  link.on_idle();
}
