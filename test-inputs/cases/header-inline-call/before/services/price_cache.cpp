#include "services/price_cache.h"

namespace shop {

void PriceCache::Store(const std::string& part, int cents) {
  prices_[part] = cents;
}

}  // namespace shop
