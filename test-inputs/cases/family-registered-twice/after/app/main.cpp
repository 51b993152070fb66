#include <prometheus/text_serializer.h>

#include <string>

#include "replica/applier.h"
#include "replica/metrics_sink.h"

int main() {
    replica::metrics_sink sink;
    sink.setup();
    replica::applier applier;
    applier.apply({{'i', 3}, {'d', 1}, {'c', 0}, {'i', 2}, {'r', 0}});
    // One family under the first registration's help, with the series of
    // both fields; the gauge set up twice is one series.
    const std::string text = prometheus::TextSerializer().Serialize(sink.registry()->Collect());
    for (const char* line : {"# HELP replica_ops Replicated operations\n",
                             "replica_ops{op=\"insert\"} 5\n", "replica_ops{op=\"delete\"} 1\n",
                             "replica_ops{op=\"commit\"} 1\n", "replica_ops{op=\"rollback\"} 1\n",
                             "replica_memory_total_mb 5\n"})
        if (text.find(line) == std::string::npos)
            return 1;
    if (text.find("Replicated transactions") != std::string::npos)
        return 2;
    return 0;
}
