#include "lib/metrics.h"

namespace ingest
{

metrics::metrics ()
    : registry_ (std::make_shared<prometheus::Registry> ()),
      lines_ (prometheus::BuildCounter ()
                  .Name ("ingest_lines_total")
                  .Help ("Lines read, by source")
                  .Register (*registry_)),
      bytes_ (prometheus::BuildCounter ()
                  .Name ("ingest_bytes_total")
                  .Help ("Bytes read")
                  .Register (*registry_)
                  .Add ({}))
{
}

void
metrics::count_line (const std::string &source)
{
  lines_.Add ({ { "source", source } }).Increment ();
}

void
metrics::count_bytes (std::size_t n)
{
  bytes_.Increment (static_cast<double> (n));
}

} // namespace ingest
