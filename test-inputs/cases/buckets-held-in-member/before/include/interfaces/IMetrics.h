#ifndef IMETRICS_H
#define IMETRICS_H

#include <string>

class IMetrics {
 public:
  virtual ~IMetrics() = default;
  virtual void saveRequestLatency(const double latency) = 0;
  virtual void saveMessageSize(const std::string &path, int size) = 0;
  virtual void saveRequestSize(int size) = 0;
};

#endif  // IMETRICS_H
