#include "probe/runner.hpp"
#include "reporting/probe_reporter.hpp"
#include <iostream>

int main()
{
    ProbeReporter reporter("smoke", "eu");
    int failures = 0;
    for (int i = 0; i < 3; ++i)
    {
        failures += RunOnce(&reporter, 0.25 * i);
    }
    std::cerr << "requests: " << PROBE_REQUESTS_TOTAL.Value() << std::endl;
    return failures;
}
