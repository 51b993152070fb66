#pragma once

#include <chrono>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

#include "gw/istats.h"

namespace gw {

extern prometheus::Histogram& GW_REQUEST_LATENCY_SECONDS;

// Times one request from start() to its end; reports when destroyed.
struct LatencyTimer {
  IStats* stats_ = nullptr;
  std::chrono::steady_clock::time_point started_;

  void start(IStats* stats);
  ~LatencyTimer();
};

}  // namespace gw
