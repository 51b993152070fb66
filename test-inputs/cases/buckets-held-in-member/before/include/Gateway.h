#ifndef GATEWAY_H
#define GATEWAY_H

#include <string>

#include "interfaces/IMetrics.h"

class Gateway {
 public:
  explicit Gateway(IMetrics *metrics) : metrics_(metrics) {}

  void forward(const std::string &path, int requestBytes, double seconds);
  void message(const std::string &path, int bytes);

 private:
  IMetrics *metrics_;
};

#endif  // GATEWAY_H
