#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <map>
#include <optional>
#include <string>

namespace shop {

extern prometheus::Counter& PRICE_CACHE_HITS_TOTAL;

class PriceCache {
 public:
  PriceCache() {}

  std::optional<int> Find(const std::string& part) const {
    auto it = prices_.find(part);
    if (it == prices_.end()) {
      return std::nullopt;
    }
    PRICE_CACHE_HITS_TOTAL.Increment();
    return it->second;
  }

  void Store(const std::string& part, int cents);

 private:
  std::map<std::string, int> prices_;
};

}  // namespace shop
