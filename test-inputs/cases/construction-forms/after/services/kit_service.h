#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>

namespace shop {

extern prometheus::Family<prometheus::Counter>& KITS_BUILT_TOTAL;

class KitService {
 public:
  KitService(std::string line);

  void Build();

 private:
  std::string line_;
};

}  // namespace shop
