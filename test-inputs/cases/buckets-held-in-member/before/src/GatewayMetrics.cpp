#include "GatewayMetrics.h"

GatewayMetrics::GatewayMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      call_latency_family_(prometheus::BuildHistogram()
                               .Name("gateway_call_latency_seconds")
                               .Help("Time spent in backend calls")
                               .Register(*registry_)),
      msg_size_family_(prometheus::BuildHistogram()
                           .Name("gateway_message_size_bytes")
                           .Help("Size of messages")
                           .Register(*registry_)),
      request_size_family_(prometheus::BuildHistogram()
                               .Name("gateway_request_size_bytes")
                               .Help("Size of incoming requests")
                               .Register(*registry_)) {
  call_latency_ = &call_latency_family_.Add({}, prometheus::Histogram::BucketBoundaries(call_latency_buckets_));
  request_size_ = &request_size_family_.Add({}, prometheus::Histogram::BucketBoundaries(request_buckets_));
}

void GatewayMetrics::saveRequestLatency(const double latency) { call_latency_->Observe(latency); }

void GatewayMetrics::saveMessageSize(const std::string &path, int size) {
  msg_size_family_.Add({{"path", path}}, msg_buckets_).Observe(size);
}

void GatewayMetrics::saveRequestSize(int size) { request_size_->Observe(size); }
