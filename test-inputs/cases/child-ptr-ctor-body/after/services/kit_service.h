#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <set>

namespace shop {

extern prometheus::Counter& KITS_ARCHIVED_TOTAL;

class KitService {
 public:
  KitService();

  void ArchiveKit(int kit_id);

 private:
  std::set<int> archived_;
};

}  // namespace shop
