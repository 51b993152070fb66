#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <map>
#include <string>

namespace shop {

extern prometheus::Family<prometheus::Counter>& PRICE_LOOKUPS_TOTAL;

class CatalogService {
 public:
  CatalogService();

  int Price(const std::string& part);
  int CheapestOf(const std::string& a, const std::string& b);

 private:
  std::map<std::string, int> prices_;
};

}  // namespace shop
