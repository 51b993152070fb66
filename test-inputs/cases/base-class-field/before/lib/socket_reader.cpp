#include "lib/reader.h"

namespace ingest
{

socket_reader::socket_reader (int port, std::shared_ptr<metrics> m)
    : reader ("socket:" + std::to_string (port), std::move (m)), port_ (port)
{
}

void
socket_reader::read (const std::string &chunk)
{
  metrics_->count_bytes (chunk.size ());
}

} // namespace ingest
