//===--- PromStats.cpp - Stats on a Prometheus registry -------------------===//

#include "gw/PromStats.h"

using namespace gw;

PromStats::PromStats()
    : Registry(std::make_shared<prometheus::Registry>()),
      Requests(prometheus::BuildCounter()
                   .Name("gw_requests_total")
                   .Help("Requests handled, by result")
                   .Register(*Registry)),
      Payload(prometheus::BuildHistogram()
                  .Name("gw_payload_bytes")
                  .Help("Payload sizes")
                  .Register(*Registry)
                  .Add({}, prometheus::Histogram::BucketBoundaries{512, 1024,
                                                                   4096})) {}

void PromStats::countRequest(const std::string &Result) {
  Requests.Add({{"result", Result}}).Increment();
}

void PromStats::observePayload(double Bytes) { Payload.Observe(Bytes); }
