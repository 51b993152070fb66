#include "mem/pool.hpp"
#include "mem/registry.hpp"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>

namespace mem {

prometheus::Gauge& MEM_BUILDER_CHUNKS = prometheus::BuildGauge()
                                            .Name("mem_builder_chunks")
                                            .Help("Chunks held by the builder")
                                            .Register(mem::metrics::Registry())
                                            .Add({});

prometheus::Counter& MEM_CHUNKS_ALLOCATED_TOTAL =
    prometheus::BuildCounter()
        .Name("mem_chunks_allocated_total")
        .Help("Chunks allocated")
        .Register(mem::metrics::Registry())
        .Add({});

prometheus::Gauge& MEM_PARSER_CHUNKS = prometheus::BuildGauge()
                                           .Name("mem_parser_chunks")
                                           .Help("Chunks held by the parser")
                                           .Register(mem::metrics::Registry())
                                           .Add({});

void Pool::grow(Module module, int chunks)
{
   if (module == Module::builder)
      builder_total_ += chunks;
   else if (module == Module::parser)
      parser_total_ += chunks;

   if (chunks > 0)
      MEM_CHUNKS_ALLOCATED_TOTAL.Increment(chunks);
   switch (module) {
   case Module::builder:
      MEM_BUILDER_CHUNKS.Set(builder_total_);
      break;
   case Module::parser:
      MEM_PARSER_CHUNKS.Set(parser_total_);
      break;
   default:
      break;
   }
}

}
