#include <prometheus/text_serializer.h>

#include <string>

#include "mem/pool.hpp"
#include "mem/telemetry.hpp"

int main()
{
   mem::Telemetry telemetry;
   mem::Pool pool;
   pool.grow(mem::Module::builder, 3);
   pool.grow(mem::Module::parser, 2);
   pool.grow(mem::Module::builder, 0);
   pool.grow(mem::Module::other, 4);
   const std::string text = prometheus::TextSerializer().Serialize(telemetry.registry()->Collect());
   for (const char* line : {"mem_chunks_allocated_total 9\n", "mem_builder_chunks 3\n",
                            "mem_parser_chunks 2\n"})
      if (text.find(line) == std::string::npos)
         return 1;
   return 0;
}
