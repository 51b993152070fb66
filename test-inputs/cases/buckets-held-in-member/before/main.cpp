#include <prometheus/text_serializer.h>

#include <string>

#include "Gateway.h"
#include "GatewayMetrics.h"

int main() {
  GatewayMetrics metrics;
  Gateway gateway(&metrics);
  gateway.forward("/login", 700, 0.004);
  gateway.forward("/send", 3000, 0.2);
  gateway.message("/send", 60);
  const std::string text = prometheus::TextSerializer().Serialize(metrics.registry()->Collect());
  for (const char *line : {"gateway_call_latency_seconds_bucket{le=\"0.005\"} 1\n",
                           "gateway_call_latency_seconds_bucket{le=\"0.5\"} 2\n",
                           "gateway_request_size_bytes_bucket{le=\"1024\"} 1\n",
                           "gateway_request_size_bytes_bucket{le=\"4096\"} 2\n",
                           "gateway_message_size_bytes_bucket{path=\"/send\",le=\"100\"} 1\n",
                           "gateway_message_size_bytes_bucket{path=\"/send\",le=\"5000\"} 2\n"})
    if (text.find(line) == std::string::npos) return 1;
  return 0;
}
