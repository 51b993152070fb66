#ifndef MEM_POOL_HPP
#define MEM_POOL_HPP

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>

namespace mem {

extern prometheus::Gauge& MEM_BUILDER_CHUNKS;

extern prometheus::Counter& MEM_CHUNKS_ALLOCATED_TOTAL;

extern prometheus::Gauge& MEM_PARSER_CHUNKS;

enum class Module { builder, parser, other };

class Pool
{
public:
   Pool() {}

   void grow(Module module, int chunks);

private:
   int builder_total_ = 0;
   int parser_total_ = 0;
};

}

#endif
