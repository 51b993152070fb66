#include "services/container.h"

namespace partshop {

Container::Container(const ContainerConfig& config)
    : metrics_(std::make_shared<MetricsService>()),
      inventory_service_(std::make_unique<InventoryService>(
          config.default_location, *metrics_)),
      kit_service_(
          std::make_unique<KitService>(*inventory_service_, *metrics_)),
      kit_pick_list_service_(std::make_shared<KitPickListService>(
          *kit_service_, *inventory_service_, metrics_)),
      pick_list_report_service_(std::make_unique<PickListReportService>(
          *kit_pick_list_service_, *metrics_)),
      connection_manager_(config.max_sse_connections, *metrics_),
      task_service_{config.worker_name, *metrics_},
      auth_service_(config.auth_audience, *metrics_),
      oidc_client_service_(std::unique_ptr<OidcClientService>(
          new OidcClientService(config.oidc_issuer, metrics_.get()))),
      ai_runner_(std::make_shared<AiRunner>(config.ai_model, metrics_)),
      duplicate_search_service_(std::make_unique<DuplicateSearchService>(
          *inventory_service_, config.duplicate_cache_ttl, *metrics_)) {
  shopping_list_line_service_.reset(
      new ShoppingListLineService(config.default_seller, metrics_.get()));
  kit_shopping_list_service_ = std::make_unique<KitShoppingListService>(
      *kit_service_, *inventory_service_, *shopping_list_line_service_,
      *metrics_);
  mouser_client_ = std::shared_ptr<MouserClient>(new MouserClient(
      config.mouser_api_key, config.mouser_max_requests_per_window, metrics_));
  dashboard_service_ =
      std::make_unique<DashboardService>(*inventory_service_, *kit_service_);

  metrics_->SetDashboardSource(
      [this] { return dashboard_service_->GetSnapshot(); });

  shutdown_coordinator_.RegisterShutdownCallback(
      "task_service", [this] { task_service_.PrepareShutdown(); });
  shutdown_coordinator_.RegisterShutdownCallback(
      "metrics_service", [this] { metrics_->Shutdown(); });
}

Container::~Container() {
  // Stop the polling thread before the services it reads from go away.
  metrics_->Shutdown();
}

}  // namespace partshop
