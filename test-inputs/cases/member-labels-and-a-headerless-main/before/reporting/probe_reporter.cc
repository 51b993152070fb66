#include "reporting/probe_reporter.hpp"

#include <iostream>

ProbeReporter::ProbeReporter(const std::string& scenario, const std::string& region)
    : registry_(std::make_shared<prometheus::Registry>()),
      labels_({{"scenario", scenario}, {"region", region}}),
      latency_family_(prometheus::BuildGauge()
                          .Name("probe_latency_seconds")
                          .Help("Latency of the last request")
                          .Register(*registry_)),
      latency_(latency_family_.Add(labels_)), requests_family_(prometheus::BuildCounter()
                                                                   .Name("probe_requests_total")
                                                                   .Help("Requests sent")
                                                                   .Register(*registry_)),
      requests_(requests_family_.Add({}))
{
}

void ProbeReporter::RecordLatency(double seconds) { latency_.Set(seconds); }

void ProbeReporter::CountRequest() { requests_.Increment(); }

void ProbeReporter::Summarize() const
{
    std::cerr << "requests: " << requests_.Value() << std::endl;
}
