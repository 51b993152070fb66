#include "reporting/probe_reporter.hpp"
#include "reporting/registry.hpp"

#include <iostream>

ProbeReporter::ProbeReporter(const std::string& scenario, const std::string& region)
    : registry_(DefaultRegistryPtr()), labels_({{"scenario", scenario}, {"region", region}}),
      latency_family_(prometheus::BuildGauge()
                          .Name("probe_latency_seconds")
                          .Help("Latency of the last request")
                          .Register(*registry_)),
      latency_(latency_family_.Add(labels_))
{
}

void ProbeReporter::RecordLatency(double seconds) { latency_.Set(seconds); }
