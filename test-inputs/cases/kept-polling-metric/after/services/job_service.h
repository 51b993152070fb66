#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <deque>
#include <string>

namespace shop {

extern prometheus::Counter& JOBS_SUBMITTED_TOTAL;

class JobService {
 public:
  JobService();

  void Submit(const std::string& job);
  int Depth() const { return static_cast<int>(queue_.size()); }

 private:
  std::deque<std::string> queue_;
};

}  // namespace shop
