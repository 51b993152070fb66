#include "probe/runner.hpp"
#include "reporting/probe_reporter.hpp"

int main()
{
    ProbeReporter reporter("smoke", "eu");
    int failures = 0;
    for (int i = 0; i < 3; ++i)
    {
        failures += RunOnce(&reporter, 0.25 * i);
    }
    reporter.Summarize();
    return failures;
}
