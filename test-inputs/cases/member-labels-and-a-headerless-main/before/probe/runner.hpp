#pragma once

class ProbeReporter;

// Sends one request and reports it.
int RunOnce(ProbeReporter* reporter, double seconds);
