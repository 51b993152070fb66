#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>
#include <vector>

namespace shop {

extern prometheus::Counter& KITS_CREATED_TOTAL_METRIC;

class KitService {
 public:
  KitService();

  void CreateKit(const std::string& name);
  const std::vector<std::string>& audit_log() const { return audit_log_; }

 private:
  std::vector<std::string> audit_log_;
};

}  // namespace shop
