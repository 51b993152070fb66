#include "lib/reader.h"

namespace ingest
{

void
file_reader::read (const std::string &chunk)
{
  for (char c : chunk)
    if (c == '\n')
      metrics_->count_line (name_);
}

} // namespace ingest
