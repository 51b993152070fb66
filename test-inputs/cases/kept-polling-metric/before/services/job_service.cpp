#include "services/job_service.h"

namespace shop {

JobService::JobService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void JobService::Submit(const std::string& job) {
  queue_.push_back(job);
  metrics_.RecordJobSubmitted();
}

}  // namespace shop
