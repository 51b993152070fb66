#include "lib/process_registry.h"
#include "lib/reader.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace ingest
{

prometheus::Family<prometheus::Counter> &INGEST_LINES_TOTAL
    = prometheus::BuildCounter ()
          .Name ("ingest_lines_total")
          .Help ("Lines read, by source")
          .Register (ingest::process_registry ());

void
file_reader::read (const std::string &chunk)
{
  for (char c : chunk)
    if (c == '\n')
      INGEST_LINES_TOTAL.Add ({ { "source", name_ } }).Increment ();
}

} // namespace ingest
