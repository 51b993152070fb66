#pragma once

#include <chrono>

#include "gw/istats.h"

namespace gw {

// Times one request from start() to its end; reports when destroyed.
struct LatencyTimer {
  IStats* stats_ = nullptr;
  std::chrono::steady_clock::time_point started_;

  void start(IStats* stats);
  ~LatencyTimer();
};

}  // namespace gw
