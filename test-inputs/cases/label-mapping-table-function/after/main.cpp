#include <prometheus/text_serializer.h>

#include <string>

#include "door/gate.h"
#include "metrics/gate_metrics.h"

int main() {
  gate::GateMetrics metrics;
  gate::Gate gate;
  if (!gate.badge(true, false) || gate.badge(false, false) || gate.badge(true, true))
    return 1;
  const std::string text = prometheus::TextSerializer().Serialize(metrics.registry()->Collect());
  for (const char * line :
       {"gate_outcomes_total{outcome=\"opened\"} 1", "gate_outcomes_total{outcome=\"refused\"} 2",
        "gate_refusals_total{reason=\"bad_badge\"} 1", "gate_refusals_total{reason=\"curfew\"} 1",
        "gate_passages_total{side=\"in\"} 1"})
    if (text.find(line) == std::string::npos)
      return 2;
  return 0;
}
