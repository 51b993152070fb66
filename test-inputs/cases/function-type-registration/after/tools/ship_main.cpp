#include "shipper/sink_registry.h"
#include "shipper/telemetry.h"

#include <prometheus/text_serializer.h>

#include <cstdio>
#include <memory>
#include <string>

int main() {
  auto telemetry = std::make_shared<shipper::Telemetry>();
  auto to_file = shipper::SinkRegistry::make("file", "/dev/null");
  auto to_null = shipper::SinkRegistry::make("null", "");
  to_file->send({"a", "b"});
  to_null->send({"c"});
  to_null->send({});
  const std::string text =
      prometheus::TextSerializer().Serialize(telemetry->registry()->Collect());
  for (const char* line : {"shipper_batches_sent_total{sink=\"file\"} 1\n",
                           "shipper_batches_sent_total{sink=\"null\"} 1\n",
                           "shipper_send_failures_total{sink=\"null\"} 1\n"}) {
    if (text.find(line) == std::string::npos) {
      std::fprintf(stderr, "missing: %s", line);
      return 1;
    }
  }
  return 0;
}
