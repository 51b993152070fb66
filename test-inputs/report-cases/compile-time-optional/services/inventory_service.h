#ifndef SHOP_SERVICES_INVENTORY_SERVICE_H_
#define SHOP_SERVICES_INVENTORY_SERVICE_H_

#include <map>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class Database {
 public:
  void Save(const std::string& part, int quantity) { rows_[part] = quantity; }

 private:
  std::map<std::string, int> rows_;
};

class InventoryService {
 public:
  InventoryService(Database& db, MetricsServiceProtocol& metrics);

  void AddStock(const std::string& part, int qty);

 private:
  Database& db_;
  MetricsServiceProtocol& metrics_;
  std::map<std::string, int> stock_;
};

}  // namespace shop

#endif  // SHOP_SERVICES_INVENTORY_SERVICE_H_
