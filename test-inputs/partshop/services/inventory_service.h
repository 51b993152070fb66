#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "metrics/metrics_service.h"
#include "models/part.h"

namespace partshop {

class InventoryService {
 public:
  static constexpr int kLowStockThreshold = 5;

  InventoryService(std::string default_location,
                   MetricsServiceProtocol& metrics);

  // Adds a part to the catalogue. Parts without a location go to the
  // default location.
  void RegisterPart(Part part);

  std::optional<Part> FindPart(const std::string& part_number) const;
  int QuantityOf(const std::string& part_number) const;
  std::vector<Part> ListParts() const;

  int AddStock(const std::string& part_number, int quantity);
  int RemoveStock(const std::string& part_number, int quantity);
  int AdjustStock(const std::string& part_number, int new_quantity);
  void MoveStock(const std::string& part_number, const std::string& location);

  // Removes stock without recording metrics; used by bulk operations that
  // report one aggregated change themselves. Returns false when the part is
  // unknown or there is not enough stock.
  bool TryConsume(const std::string& part_number, int quantity);

  // Aggregates used by the dashboard.
  int TotalQuantity() const;
  int LowStockCount() const;
  int LocationCount() const;
  int PartsWithoutDocuments() const;
  int CategoryCount() const;
  int ChangeCount() const { return change_count_; }

 private:
  Part& GetOrThrow(const std::string& part_number);

  std::string default_location_;
  MetricsServiceProtocol& metrics_;
  std::map<std::string, Part> parts_;
  int change_count_ = 0;
};

}  // namespace partshop
