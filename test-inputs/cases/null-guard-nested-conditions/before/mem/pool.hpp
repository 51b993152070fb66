#ifndef MEM_POOL_HPP
#define MEM_POOL_HPP

#include "mem/telemetry.hpp"

namespace mem {

enum class Module { builder, parser, other };

class Pool
{
public:
   Pool(Telemetry* telemetry) : telemetry_(telemetry) {}

   void grow(Module module, int chunks);

private:
   Telemetry* telemetry_;
   int builder_total_ = 0;
   int parser_total_ = 0;
};

}

#endif
