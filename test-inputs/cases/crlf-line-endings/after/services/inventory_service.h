#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <map>
#include <string>

namespace shop {

extern prometheus::Family<prometheus::Counter>&
    INVENTORY_QUANTITY_CHANGES_TOTAL;

class Database {
 public:
  void Save(const std::string& part, int quantity) { rows_[part] = quantity; }

 private:
  std::map<std::string, int> rows_;
};

class InventoryService {
 public:
  InventoryService(Database& db);

  void AddStock(const std::string& part, int qty);

 private:
  Database& db_;
  std::map<std::string, int> stock_;
};

}  // namespace shop
