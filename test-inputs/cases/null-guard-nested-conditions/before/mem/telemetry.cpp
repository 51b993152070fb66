#include "mem/telemetry.hpp"

namespace mem {

Telemetry::Telemetry()
   : registry_(std::make_shared<prometheus::Registry>())
{
   allocated_ = &prometheus::BuildCounter()
                    .Name("mem_chunks_allocated_total")
                    .Help("Chunks allocated")
                    .Register(*registry_)
                    .Add({});
   builder_ = &prometheus::BuildGauge()
                  .Name("mem_builder_chunks")
                  .Help("Chunks held by the builder")
                  .Register(*registry_)
                  .Add({});
   parser_ = &prometheus::BuildGauge()
                 .Name("mem_parser_chunks")
                 .Help("Chunks held by the parser")
                 .Register(*registry_)
                 .Add({});
}

void Telemetry::chunks_allocated(double chunks)
{
   allocated_->Increment(chunks);
}

void Telemetry::builder_used(double chunks)
{
   builder_->Set(chunks);
}

void Telemetry::parser_used(double chunks)
{
   parser_->Set(chunks);
}

}
