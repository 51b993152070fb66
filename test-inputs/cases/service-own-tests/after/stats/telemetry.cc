#include "stats/telemetry.h"
#include "stats/process_registry.h"

namespace stats
{

Telemetry::Telemetry()
    : registry_(stats::process_registry_ptr()), backlog_(prometheus::BuildGauge()
                                                             .Name("sync_backlog_files")
                                                             .Help("Files waiting")
                                                             .Register(*registry_)
                                                             .Add({}))
{
}

void Telemetry::poll(int queued)
{
    backlog_.Set(queued);
}

} // namespace stats
