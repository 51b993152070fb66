#ifndef GATEWAY_H
#define GATEWAY_H

#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <string>

extern prometheus::Histogram &GATEWAY_CALL_LATENCY_SECONDS;

extern prometheus::Family<prometheus::Histogram> &GATEWAY_MESSAGE_SIZE_BYTES;

extern prometheus::Histogram &GATEWAY_REQUEST_SIZE_BYTES;

class Gateway {
 public:
  Gateway() {}

  void forward(const std::string &path, int requestBytes, double seconds);
  void message(const std::string &path, int bytes);
};

#endif  // GATEWAY_H
