#include "services/inventory_service.h"

#include <cstdlib>
#include <set>
#include <stdexcept>
#include <utility>

namespace partshop {

InventoryService::InventoryService(std::string default_location,
                                   MetricsServiceProtocol& metrics)
    : default_location_(std::move(default_location)), metrics_(metrics) {}

void InventoryService::RegisterPart(Part part) {
  if (part.part_number.empty()) {
    throw std::invalid_argument("part number must not be empty");
  }
  if (part.location.empty()) {
    part.location = default_location_;
  }
  std::string key = part.part_number;
  parts_[key] = std::move(part);
}

std::optional<Part> InventoryService::FindPart(
    const std::string& part_number) const {
  metrics_.RecordPartLookup(part_number);
  auto it = parts_.find(part_number);
  if (it == parts_.end()) {
    return std::nullopt;
  }
  return it->second;
}

int InventoryService::QuantityOf(const std::string& part_number) const {
  auto it = parts_.find(part_number);
  return it == parts_.end() ? 0 : it->second.quantity;
}

std::vector<Part> InventoryService::ListParts() const {
  std::vector<Part> result;
  result.reserve(parts_.size());
  for (const auto& entry : parts_) {
    result.push_back(entry.second);
  }
  return result;
}

int InventoryService::AddStock(const std::string& part_number, int quantity) {
  if (quantity <= 0) {
    throw std::invalid_argument("quantity must be positive");
  }
  Part& part = GetOrThrow(part_number);
  part.quantity += quantity;
  ++change_count_;
  metrics_.RecordQuantityChange("add", quantity);
  return part.quantity;
}

int InventoryService::RemoveStock(const std::string& part_number,
                                  int quantity) {
  if (quantity <= 0) {
    throw std::invalid_argument("quantity must be positive");
  }
  Part& part = GetOrThrow(part_number);
  metrics_.RecordQuantityChange("remove", quantity);
  if (part.quantity < quantity) {
    throw std::runtime_error("insufficient stock for " + part_number);
  }
  part.quantity -= quantity;
  ++change_count_;
  return part.quantity;
}

int InventoryService::AdjustStock(const std::string& part_number,
                                  int new_quantity) {
  if (new_quantity < 0) {
    throw std::invalid_argument("quantity must not be negative");
  }
  Part& part = GetOrThrow(part_number);
  const int delta = new_quantity - part.quantity;
  part.quantity = new_quantity;
  ++change_count_;
  metrics_.RecordQuantityChange("adjust", std::abs(delta));
  return part.quantity;
}

void InventoryService::MoveStock(const std::string& part_number,
                                 const std::string& location) {
  Part& part = GetOrThrow(part_number);
  if (part.location == location) {
    return;
  }
  part.location = location;
  metrics_.RecordLocationMove();
}

bool InventoryService::TryConsume(const std::string& part_number,
                                  int quantity) {
  auto it = parts_.find(part_number);
  if (it == parts_.end() || quantity < 0 || it->second.quantity < quantity) {
    return false;
  }
  it->second.quantity -= quantity;
  ++change_count_;
  return true;
}

int InventoryService::TotalQuantity() const {
  int total = 0;
  for (const auto& entry : parts_) {
    total += entry.second.quantity;
  }
  return total;
}

int InventoryService::LowStockCount() const {
  int count = 0;
  for (const auto& entry : parts_) {
    if (entry.second.quantity < kLowStockThreshold) {
      ++count;
    }
  }
  return count;
}

int InventoryService::LocationCount() const {
  std::set<std::string> locations;
  for (const auto& entry : parts_) {
    locations.insert(entry.second.location);
  }
  return static_cast<int>(locations.size());
}

int InventoryService::PartsWithoutDocuments() const {
  int count = 0;
  for (const auto& entry : parts_) {
    if (!entry.second.has_document) {
      ++count;
    }
  }
  return count;
}

int InventoryService::CategoryCount() const {
  std::set<std::string> categories;
  for (const auto& entry : parts_) {
    categories.insert(entry.second.category);
  }
  return static_cast<int>(categories.size());
}

Part& InventoryService::GetOrThrow(const std::string& part_number) {
  auto it = parts_.find(part_number);
  if (it == parts_.end()) {
    throw std::out_of_range("unknown part " + part_number);
  }
  return it->second;
}

}  // namespace partshop
