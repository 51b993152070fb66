#include "stats/telemetry.h"

namespace stats
{

Telemetry::Telemetry()
    : registry_(std::make_shared<prometheus::Registry>()),
      uploads_(prometheus::BuildCounter()
                   .Name("sync_uploaded_files_total")
                   .Help("Files uploaded")
                   .Register(*registry_)
                   .Add({})),
      failures_(prometheus::BuildCounter()
                    .Name("sync_failures_total")
                    .Help("Failed uploads, by reason")
                    .Register(*registry_)),
      backlog_(prometheus::BuildGauge()
                   .Name("sync_backlog_files")
                   .Help("Files waiting")
                   .Register(*registry_)
                   .Add({}))
{
}

void Telemetry::uploaded(int files)
{
    uploads_.Increment(files);
}

void Telemetry::failed(const std::string &reason)
{
    failures_.Add({{"reason", reason}}).Increment();
}

void Telemetry::poll(int queued)
{
    backlog_.Set(queued);
}

} // namespace stats
