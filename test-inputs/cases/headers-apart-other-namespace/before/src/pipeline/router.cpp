#include <app/pipeline/router.hpp>

namespace app::pipeline {
namespace {

bool isInternal(const std::string& topic) { return topic.rfind("_", 0) == 0; }

}  // namespace

Router::Router(telemetry::Metrics& metrics) : m_metrics(metrics) {}

void Router::route(const std::string& topic, std::size_t records) {
  if (isInternal(topic)) return;
  m_routed += records;
  m_metrics.recordRouted(topic);
  m_metrics.observeBatch(records);
}

}  // namespace app::pipeline
