#include "Gateway.h"

void Gateway::forward(const std::string &path, int requestBytes, double seconds) {
  metrics_->saveRequestSize(requestBytes);
  metrics_->saveRequestLatency(seconds);
  message(path, requestBytes);
}

void Gateway::message(const std::string &path, int bytes) { metrics_->saveMessageSize(path, bytes); }
