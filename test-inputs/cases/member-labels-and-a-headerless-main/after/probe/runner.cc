#include "probe/runner.hpp"

#include "reporting/probe_reporter.hpp"
#include "reporting/registry.hpp"
#include <prometheus/counter.h>
#include <prometheus/family.h>

prometheus::Counter& PROBE_REQUESTS_TOTAL = prometheus::BuildCounter()
                                                .Name("probe_requests_total")
                                                .Help("Requests sent")
                                                .Register(DefaultRegistry())
                                                .Add({});

int RunOnce(ProbeReporter* reporter, double seconds)
{
    PROBE_REQUESTS_TOTAL.Increment();
    reporter->RecordLatency(seconds);
    return 0;
}
