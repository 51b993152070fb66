#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

extern prometheus::Counter& PROBE_REQUESTS_TOTAL;

class ProbeReporter;

// Sends one request and reports it.
int RunOnce(ProbeReporter* reporter, double seconds);
