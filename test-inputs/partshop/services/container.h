#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "metrics/metrics_service.h"
#include "services/ai_runner.h"
#include "services/auth_service.h"
#include "services/connection_manager.h"
#include "services/dashboard_service.h"
#include "services/duplicate_search_service.h"
#include "services/inventory_service.h"
#include "services/kit_pick_list_service.h"
#include "services/kit_service.h"
#include "services/kit_shopping_list_service.h"
#include "services/mouser_client.h"
#include "services/oidc_client_service.h"
#include "services/pick_list_report_service.h"
#include "services/shopping_list_line_service.h"
#include "services/task_service.h"
#include "utils/shutdown_coordinator.h"

namespace partshop {

struct ContainerConfig {
  std::string default_location = "RECEIVING";
  std::string default_seller = "Mouser";
  std::size_t max_sse_connections = 100;
  std::string worker_name = "partshop-worker";
  std::string auth_audience = "partshop-api";
  std::string oidc_issuer = "https://auth.example.com/realms/partshop";
  std::string ai_model = "gpt-4o-mini";
  std::chrono::seconds duplicate_cache_ttl{300};
  std::string mouser_api_key;
  int mouser_max_requests_per_window = 30;
};

// Composition root: owns the metrics service and every application service.
class Container {
 public:
  explicit Container(const ContainerConfig& config = ContainerConfig());
  ~Container();

  Container(const Container&) = delete;
  Container& operator=(const Container&) = delete;

  MetricsService& metrics() { return *metrics_; }

  InventoryService& inventory_service() { return *inventory_service_; }
  KitService& kit_service() { return *kit_service_; }
  KitPickListService& kit_pick_list_service() {
    return *kit_pick_list_service_;
  }
  PickListReportService& pick_list_report_service() {
    return *pick_list_report_service_;
  }
  ShoppingListLineService& shopping_list_line_service() {
    return *shopping_list_line_service_;
  }
  KitShoppingListService& kit_shopping_list_service() {
    return *kit_shopping_list_service_;
  }
  ConnectionManager& connection_manager() { return connection_manager_; }
  TaskService& task_service() { return task_service_; }
  AuthService& auth_service() { return auth_service_; }
  OidcClientService& oidc_client_service() { return *oidc_client_service_; }
  AiRunner& ai_runner() { return *ai_runner_; }
  DuplicateSearchService& duplicate_search_service() {
    return *duplicate_search_service_;
  }
  MouserClient& mouser_client() { return *mouser_client_; }
  DashboardService& dashboard_service() { return *dashboard_service_; }
  ShutdownCoordinator& shutdown_coordinator() { return shutdown_coordinator_; }

 private:
  std::shared_ptr<MetricsService> metrics_;

  std::unique_ptr<InventoryService> inventory_service_;
  std::unique_ptr<KitService> kit_service_;
  std::shared_ptr<KitPickListService> kit_pick_list_service_;
  std::unique_ptr<PickListReportService> pick_list_report_service_;
  std::unique_ptr<ShoppingListLineService> shopping_list_line_service_;
  std::unique_ptr<KitShoppingListService> kit_shopping_list_service_;
  ConnectionManager connection_manager_;
  TaskService task_service_;
  AuthService auth_service_;
  std::unique_ptr<OidcClientService> oidc_client_service_;
  std::shared_ptr<AiRunner> ai_runner_;
  std::unique_ptr<DuplicateSearchService> duplicate_search_service_;
  std::shared_ptr<MouserClient> mouser_client_;
  std::unique_ptr<DashboardService> dashboard_service_;
  ShutdownCoordinator shutdown_coordinator_{*metrics_};
};

}  // namespace partshop
