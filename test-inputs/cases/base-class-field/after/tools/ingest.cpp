#include <prometheus/text_serializer.h>

#include <memory>
#include <string>
#include <vector>

#include "lib/metrics.h"
#include "lib/reader.h"

int
main ()
{
  auto m = std::make_shared<ingest::metrics> ();
  std::vector<std::unique_ptr<ingest::reader> > readers;
  readers.push_back (std::make_unique<ingest::file_reader> ("a.log"));
  readers.push_back (std::make_unique<ingest::socket_reader> (9000));
  for (auto &r : readers)
    r->read ("one\ntwo\n");
  const std::string text
      = prometheus::TextSerializer ().Serialize (m->registry ()->Collect ());
  for (const char *line : { "ingest_lines_total{source=\"a.log\"} 2\n",
                            "ingest_bytes_total 8\n" })
    if (text.find (line) == std::string::npos)
      return 1;
  return 0;
}
