#include "gw/latency_timer.h"

namespace gw {

void LatencyTimer::start(IStats* stats) {
  stats_ = stats;
  started_ = std::chrono::steady_clock::now();
}

LatencyTimer::~LatencyTimer() {
  if (!stats_) return;
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - started_;
  stats_->latency(took.count());
}

}  // namespace gw
