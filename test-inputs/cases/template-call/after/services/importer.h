#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>
#include <vector>

namespace shop {

extern prometheus::Family<prometheus::Counter>& IMPORT_ROWS_TOTAL;

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
  Importer();

  template <typename Row>
  void Import(const Row& row) {
    names_.push_back(row.name);
    IMPORT_ROWS_TOTAL.Add({{"kind", Row::kKind}}).Increment();
  }

  void ImportDefaults();

 private:
  std::vector<std::string> names_;
};

}  // namespace shop
