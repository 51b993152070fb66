#include "services/kit_service.h"

#include <utility>

namespace shop {

KitService::KitService(std::string line, MetricsServiceProtocol& metrics)
    : line_(std::move(line)), metrics_(metrics) {}

void KitService::Build() { metrics_.RecordKitBuilt(line_); }

}  // namespace shop
