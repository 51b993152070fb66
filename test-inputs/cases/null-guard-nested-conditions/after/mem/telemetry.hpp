#ifndef MEM_TELEMETRY_HPP
#define MEM_TELEMETRY_HPP

#include <prometheus/registry.h>

#include <memory>

namespace mem {

class Telemetry
{
public:
   Telemetry();

   std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
   std::shared_ptr<prometheus::Registry> registry_;
};

}

#endif
