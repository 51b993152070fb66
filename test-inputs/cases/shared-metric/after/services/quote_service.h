#pragma once

#include <string>

namespace shop {

class QuoteService {
 public:
  QuoteService();

  int Quote(const std::string& part, int quantity);
};

}  // namespace shop
