#include "services/quote_service.h"

#include "services/catalog_service.h"

namespace shop {

QuoteService::QuoteService() {}

int QuoteService::Quote(const std::string& part, int quantity) {
  PRICE_LOOKUPS_TOTAL.Add({{"source", "quote"}}).Increment();
  return static_cast<int>(part.size()) * quantity;
}

}  // namespace shop
