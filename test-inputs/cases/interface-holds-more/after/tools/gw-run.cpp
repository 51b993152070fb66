//===--- gw-run.cpp - Sends three requests through the gateway ------------===//

#include "gw/Gateway.h"
#include "gw/PromStats.h"

#include <prometheus/text_serializer.h>

#include <string>

int main() {
  gw::PromStats Stats;
  gw::Gateway G;
  if (G.handle(100) != gw::Stats::Outcome::Accepted ||
      G.handle(5000) != gw::Stats::Outcome::Rejected)
    return 1;
  G.handle(2000);
  std::string Text =
      prometheus::TextSerializer().Serialize(Stats.registry()->Collect());
  for (const char *Line : {"gw_requests_total{result=\"accepted\"} 2\n",
                           "gw_requests_total{result=\"rejected\"} 1\n",
                           "gw_payload_bytes_count 3\n",
                           "gw_payload_bytes_bucket{le=\"512\"} 1\n"})
    if (Text.find(Line) == std::string::npos)
      return 1;
  return 0;
}
