#pragma once

#include <prometheus/family.h>
#include <prometheus/histogram.h>

#include <string>
#include <vector>

namespace shop {

extern prometheus::Family<prometheus::Histogram>& SEARCH_DURATION_SECONDS;

class SearchService {
 public:
  SearchService();

  std::vector<std::string> Search(const std::string& query);

 private:
  std::vector<std::string> parts_;
};

}  // namespace shop
