#include "Gateway.h"
#include "GatewayRegistry.h"
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <vector>

namespace {

// Seconds.
const std::vector<double> call_latency_buckets_ = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5};

const std::vector<double> request_buckets_ = {100,    500,     1024,    2048,      4096,
                                              10'000, 100'000, 400'000, 1'000'000, 5'000'000};

const std::vector<double> msg_buckets_ = {100, 500, 1000, 5000, 10000};

} // namespace

prometheus::Histogram &GATEWAY_CALL_LATENCY_SECONDS =
    prometheus::BuildHistogram()
        .Name("gateway_call_latency_seconds")
        .Help("Time spent in backend calls")
        .Register(gateway_registry())
        .Add({}, prometheus::Histogram::BucketBoundaries(call_latency_buckets_));

prometheus::Family<prometheus::Histogram> &GATEWAY_MESSAGE_SIZE_BYTES =
    prometheus::BuildHistogram()
        .Name("gateway_message_size_bytes")
        .Help("Size of messages")
        .Register(gateway_registry());

prometheus::Histogram &GATEWAY_REQUEST_SIZE_BYTES =
    prometheus::BuildHistogram()
        .Name("gateway_request_size_bytes")
        .Help("Size of incoming requests")
        .Register(gateway_registry())
        .Add({}, prometheus::Histogram::BucketBoundaries(request_buckets_));

void Gateway::forward(const std::string &path, int requestBytes, double seconds) {
  GATEWAY_REQUEST_SIZE_BYTES.Observe(requestBytes);
  GATEWAY_CALL_LATENCY_SECONDS.Observe(seconds);
  message(path, requestBytes);
}

void Gateway::message(const std::string &path, int bytes) {
  GATEWAY_MESSAGE_SIZE_BYTES.Add({{"path", path}}, msg_buckets_).Observe(bytes);
}
