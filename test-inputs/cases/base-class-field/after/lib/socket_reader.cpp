#include "lib/process_registry.h"
#include "lib/reader.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace ingest
{

prometheus::Counter &INGEST_BYTES_TOTAL
    = prometheus::BuildCounter ()
          .Name ("ingest_bytes_total")
          .Help ("Bytes read")
          .Register (ingest::process_registry ())
          .Add ({});

socket_reader::socket_reader (int port)
    : reader ("socket:" + std::to_string (port)), port_ (port)
{
}

void
socket_reader::read (const std::string &chunk)
{
  INGEST_BYTES_TOTAL.Increment (static_cast<double> (chunk.size ()));
}

} // namespace ingest
