#ifndef INGEST_METRICS_H
#define INGEST_METRICS_H

#include <prometheus/counter.h>
#include <prometheus/family.h>
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

  void count_line (const std::string &source);
  void count_bytes (std::size_t n);

  std::shared_ptr<prometheus::Registry>
  registry () const
  {
    return registry_;
  }

private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter> &lines_;
  prometheus::Counter &bytes_;
};

} // namespace ingest

#endif
