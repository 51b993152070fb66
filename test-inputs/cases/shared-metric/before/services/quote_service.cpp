#include "services/quote_service.h"

namespace shop {

QuoteService::QuoteService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

int QuoteService::Quote(const std::string& part, int quantity) {
  metrics_.RecordPriceLookup("quote");
  return static_cast<int>(part.size()) * quantity;
}

}  // namespace shop
