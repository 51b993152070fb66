#include "probe/runner.hpp"

#include "reporting/probe_reporter.hpp"

int RunOnce(ProbeReporter* reporter, double seconds)
{
    reporter->CountRequest();
    reporter->RecordLatency(seconds);
    return 0;
}
