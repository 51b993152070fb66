#include "mem/pool.hpp"

namespace mem {

void Pool::grow(Module module, int chunks)
{
   if (module == Module::builder)
      builder_total_ += chunks;
   else if (module == Module::parser)
      parser_total_ += chunks;

   if (telemetry_ != nullptr) {
      if (chunks > 0)
         telemetry_->chunks_allocated(chunks);
      switch (module) {
      case Module::builder:
         telemetry_->builder_used(builder_total_);
         break;
      case Module::parser:
         telemetry_->parser_used(parser_total_);
         break;
      default:
         break;
      }
   }
}

}
