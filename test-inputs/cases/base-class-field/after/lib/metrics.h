#ifndef INGEST_METRICS_H
#define INGEST_METRICS_H

#include <prometheus/registry.h>

#include <cstddef>
#include <memory>
#include <string>

namespace ingest
{

class metrics
{
public:
  metrics ();

  std::shared_ptr<prometheus::Registry>
  registry () const
  {
    return registry_;
  }

private:
  std::shared_ptr<prometheus::Registry> registry_;
};

} // namespace ingest

#endif
