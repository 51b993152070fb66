#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>
#include <vector>

namespace shop {

extern prometheus::Counter& KITS_CREATED_TOTAL;

class KitService {
 public:
  KitService();

  int CreateKit(const std::string& name);
  void CreateKits(const std::string& prefix, int count);

 private:
  std::vector<std::string> kits_;
};

}  // namespace shop
