#ifndef MEM_TELEMETRY_HPP
#define MEM_TELEMETRY_HPP

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <memory>

namespace mem {

class Telemetry
{
public:
   Telemetry();

   void chunks_allocated(double chunks);
   void builder_used(double chunks);
   void parser_used(double chunks);

   std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
   std::shared_ptr<prometheus::Registry> registry_;
   prometheus::Counter* allocated_;
   prometheus::Gauge* builder_;
   prometheus::Gauge* parser_;
};

}

#endif
