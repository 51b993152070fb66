#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

struct PartRow {
  static constexpr const char* kKind = "part";
  std::string name;
};

struct SupplierRow {
  static constexpr const char* kKind = "supplier";
  std::string name;
};

class Importer {
 public:
  explicit Importer(MetricsServiceProtocol& metrics);

  template <typename Row>
  void Import(const Row& row) {
    names_.push_back(row.name);
    metrics_.RecordRowImported(Row::kKind);
  }

  void ImportDefaults();

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<std::string> names_;
};

}  // namespace shop
