#include "metrics/metrics_service.h"

#include <exception>
#include <iostream>
#include <utility>

namespace partshop {
namespace {

// Latency buckets for request/response style operations.
static const prometheus::Histogram::BucketBoundaries kRequestLatencyBuckets{
    0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};

// Background tasks can run for minutes (e.g. datasheet imports).
static const prometheus::Histogram::BucketBoundaries kTaskDurationBuckets{
    0.01, 0.1, 1.0, 10.0, 60.0, 300.0};

static const prometheus::Histogram::BucketBoundaries kLineCountBuckets{
    1, 5, 10, 25, 50, 100};

}  // namespace

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      inventory_quantity_changes_total_(
          prometheus::BuildCounter()
              .Name("inventory_quantity_changes_total")
              .Help("Total quantity changed in inventory, by operation")
              .Register(*registry_)),
      inventory_part_lookups_total_(
          prometheus::BuildCounter()
              .Name("inventory_part_lookups_total")
              .Help("Part lookups served by the inventory service")
              .Register(*registry_)),
      kits_active_count_(prometheus::BuildGauge()
                             .Name("kits_active_count")
                             .Help("Number of kits that are not archived")
                             .Register(*registry_)
                             .Add({})),
      kits_content_updates_total_(
          prometheus::BuildCounter()
              .Name("kits_content_updates_total")
              .Help("Changes to kit contents, by action")
              .Register(*registry_)),
      pick_list_lines_picked_total_(
          prometheus::BuildCounter()
              .Name("pick_list_lines_picked_total")
              .Help("Pick list line state changes, by outcome")
              .Register(*registry_)),
      pick_list_lines_per_list_(prometheus::BuildHistogram()
                                    .Name("pick_list_lines_per_list")
                                    .Help("Number of lines per pick list")
                                    .Register(*registry_)),
      pick_list_report_generation_duration_seconds_(
          prometheus::BuildHistogram()
              .Name("pick_list_report_generation_duration_seconds")
              .Help("Time spent rendering pick list reports, by format")
              .Register(*registry_)),
      shopping_list_kit_pushes_total_(
          prometheus::BuildCounter()
              .Name("shopping_list_kit_pushes_total")
              .Help("Kit to shopping list pushes, by outcome")
              .Register(*registry_)),
      shopping_list_lines_marked_ordered_total_(
          prometheus::BuildCounter()
              .Name("shopping_list_lines_marked_ordered_total")
              .Help("Shopping list lines marked as ordered, by mode")
              .Register(*registry_)),
      sse_gateway_active_connections_(
          prometheus::BuildGauge()
              .Name("sse_gateway_active_connections")
              .Help("Currently open SSE connections")
              .Register(*registry_)
              .Add({})),
      sse_gateway_connections_total_(
          prometheus::BuildCounter()
              .Name("sse_gateway_connections_total")
              .Help("SSE connection lifecycle events, by action")
              .Register(*registry_)),
      sse_gateway_events_sent_total_(
          prometheus::BuildCounter()
              .Name("sse_gateway_events_sent_total")
              .Help("Events sent to SSE clients, by service and status")
              .Register(*registry_)),
      task_executions_total_(
          prometheus::BuildCounter()
              .Name("task_executions_total")
              .Help("Background task executions, by task type and status")
              .Register(*registry_)),
      task_execution_duration_seconds_(
          prometheus::BuildHistogram()
              .Name("task_execution_duration_seconds")
              .Help("Background task execution time, by task type")
              .Register(*registry_)),
      auth_validation_total_(prometheus::BuildCounter()
                                 .Name("auth_validation_total")
                                 .Help("Token validations, by result")
                                 .Register(*registry_)),
      oidc_token_exchange_total_(
          prometheus::BuildCounter()
              .Name("oidc_token_exchange_total")
              .Help("Authorization code exchanges with the OIDC provider")
              .Register(*registry_)),
      ai_analysis_requests_total_(
          prometheus::BuildCounter()
              .Name("ai_analysis_requests_total")
              .Help("AI part analysis requests, by status")
              .Register(*registry_)),
      ai_analysis_tokens_total_(
          prometheus::BuildCounter()
              .Name("ai_analysis_tokens_total")
              .Help("Tokens consumed by AI part analysis, by type")
              .Register(*registry_)),
      ai_analysis_function_calls_total_(
          prometheus::BuildCounter()
              .Name("ai_analysis_function_calls_total")
              .Help("Function calls issued by the AI model, by function")
              .Register(*registry_)),
      duplicate_search_requests_total_(
          prometheus::BuildCounter()
              .Name("duplicate_search_requests_total")
              .Help("Duplicate part searches, by outcome")
              .Register(*registry_)),
      duplicate_search_matches_found_(
          prometheus::BuildHistogram()
              .Name("duplicate_search_matches_found")
              .Help("Number of candidate duplicates per search")
              .Register(*registry_)),
      mouser_api_requests_total_(
          prometheus::BuildCounter()
              .Name("mouser_api_requests_total")
              .Help("Requests made to the Mouser API, by endpoint and status")
              .Register(*registry_)),
      mouser_api_request_duration_seconds_(
          prometheus::BuildHistogram()
              .Name("mouser_api_request_duration_seconds")
              .Help("Mouser API request latency, by endpoint")
              .Register(*registry_)),
      parts_api_requests_total_(
          prometheus::BuildCounter()
              .Name("parts_api_requests_total")
              .Help("Requests handled by the parts API, by endpoint and status")
              .Register(*registry_)),
      parts_api_request_duration_seconds_(
          prometheus::BuildHistogram()
              .Name("parts_api_request_duration_seconds")
              .Help("Parts API handler latency, by endpoint")
              .Register(*registry_)),
      application_shutting_down_(
          prometheus::BuildGauge()
              .Name("application_shutting_down")
              .Help("1 while the application is shutting down")
              .Labels({{"service", "partshop"}})
              .Register(*registry_)
              .Add({})) {
  inventory_location_moves_total_ =
      &prometheus::BuildCounter()
           .Name("inventory_location_moves_total")
           .Help("Parts moved between storage locations")
           .Register(*registry_)
           .Add({});

  kits_created_total_ = &prometheus::BuildCounter()
                             .Name("kits_created_total")
                             .Help("Kits created")
                             .Register(*registry_)
                             .Add({});
  kits_archived_total_ = &prometheus::BuildCounter()
                              .Name("kits_archived_total")
                              .Help("Kits archived")
                              .Register(*registry_)
                              .Add({});
  kits_overview_request_duration_seconds_ =
      &prometheus::BuildHistogram()
           .Name("kits_overview_request_duration_seconds")
           .Help("Time spent building the kits overview")
           .Register(*registry_)
           .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.05, 0.1,
                                                            0.5, 1.0, 5.0});

  pick_list_created_total_ = &prometheus::BuildCounter()
                                  .Name("pick_list_created_total")
                                  .Help("Pick lists created")
                                  .Register(*registry_)
                                  .Add({});
  pick_list_creation_duration_seconds_ =
      &prometheus::BuildHistogram()
           .Name("pick_list_creation_duration_seconds")
           .Help("Time spent creating a pick list")
           .Register(*registry_)
           .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.05, 0.1,
                                                            0.5, 1.0, 5.0});
  pick_list_reports_generated_total_ =
      &prometheus::BuildCounter()
           .Name("pick_list_reports_generated_total")
           .Help("Pick list reports rendered")
           .Register(*registry_)
           .Add({});

  shopping_list_kit_lines_pushed_total_ =
      &prometheus::BuildCounter()
           .Name("shopping_list_kit_lines_pushed_total")
           .Help("Shopping list lines created from kit pushes")
           .Register(*registry_)
           .Add({});
  shopping_list_kit_unlinks_total_ =
      &prometheus::BuildCounter()
           .Name("shopping_list_kit_unlinks_total")
           .Help("Kits unlinked from shopping lists")
           .Register(*registry_)
           .Add({});
  shopping_list_lines_added_total_ =
      &prometheus::BuildCounter()
           .Name("shopping_list_lines_added_total")
           .Help("Lines added to shopping lists")
           .Register(*registry_)
           .Add({});
  shopping_list_lines_received_total_ =
      &prometheus::BuildCounter()
           .Name("shopping_list_lines_received_total")
           .Help("Shopping list lines received into stock")
           .Register(*registry_)
           .Add({});

  task_queue_depth_ = &prometheus::BuildGauge()
                           .Name("task_queue_depth")
                           .Help("Tasks waiting in the background queue")
                           .Register(*registry_)
                           .Add({});
  task_active_tasks_at_shutdown_ =
      &prometheus::BuildGauge()
           .Name("task_active_tasks_at_shutdown")
           .Help("Tasks still pending when shutdown started")
           .Register(*registry_)
           .Add({});

  auth_validation_duration_seconds_ =
      &prometheus::BuildHistogram()
           .Name("auth_validation_duration_seconds")
           .Help("Time spent validating bearer tokens")
           .Register(*registry_)
           .Add({}, prometheus::Histogram::BucketBoundaries{0.005, 0.01, 0.05,
                                                            0.1, 0.5});
  auth_token_refreshes_total_ = &prometheus::BuildCounter()
                                     .Name("auth_token_refreshes_total")
                                     .Help("Access tokens refreshed")
                                     .Register(*registry_)
                                     .Add({});
  oidc_discovery_requests_total_ = &prometheus::BuildCounter()
                                        .Name("oidc_discovery_requests_total")
                                        .Help("OIDC discovery document fetches")
                                        .Register(*registry_)
                                        .Add({});

  ai_analysis_duration_seconds_ =
      &prometheus::BuildHistogram()
           .Name("ai_analysis_duration_seconds")
           .Help("End-to-end AI part analysis time")
           .Register(*registry_)
           .Add({}, prometheus::Histogram::BucketBoundaries{0.1, 0.5, 1.0, 5.0,
                                                            10.0, 30.0, 60.0});

  duplicate_search_cache_hits_total_ =
      &prometheus::BuildCounter()
           .Name("duplicate_search_cache_hits_total")
           .Help("Duplicate search results served from cache")
           .Register(*registry_)
           .Add({});
  duplicate_search_cache_misses_total_ =
      &prometheus::BuildCounter()
           .Name("duplicate_search_cache_misses_total")
           .Help("Duplicate searches that had to be computed")
           .Register(*registry_)
           .Add({});

  mouser_api_rate_limited_total_ =
      &prometheus::BuildCounter()
           .Name("mouser_api_rate_limited_total")
           .Help("Mouser API calls rejected by the local rate limiter")
           .Register(*registry_)
           .Add({});

  application_graceful_shutdown_duration_seconds_ =
      &prometheus::BuildHistogram()
           .Name("application_graceful_shutdown_duration_seconds")
           .Help("Time taken by the graceful shutdown sequence")
           .Register(*registry_)
           .Add({}, prometheus::Histogram::BucketBoundaries{0.1, 0.5, 1.0, 5.0,
                                                            10.0, 30.0});

  dashboard_total_parts_ = &prometheus::BuildGauge()
                                .Name("dashboard_total_parts")
                                .Help("Distinct parts in inventory")
                                .Labels({{"service", "partshop"}})
                                .Register(*registry_)
                                .Add({});
  dashboard_total_quantity_ = &prometheus::BuildGauge()
                                   .Name("dashboard_total_quantity")
                                   .Help("Sum of all part quantities")
                                   .Register(*registry_)
                                   .Add({});
  dashboard_low_stock_parts_ = &prometheus::BuildGauge()
                                    .Name("dashboard_low_stock_parts")
                                    .Help("Parts below the low stock threshold")
                                    .Register(*registry_)
                                    .Add({});
  dashboard_active_kits_ = &prometheus::BuildGauge()
                                .Name("dashboard_active_kits")
                                .Help("Kits that are not archived")
                                .Register(*registry_)
                                .Add({});
  dashboard_storage_locations_ = &prometheus::BuildGauge()
                                      .Name("dashboard_storage_locations")
                                      .Help("Storage locations in use")
                                      .Register(*registry_)
                                      .Add({});
  dashboard_parts_without_documents_ =
      &prometheus::BuildGauge()
           .Name("dashboard_parts_without_documents")
           .Help("Parts that have no datasheet or document attached")
           .Register(*registry_)
           .Add({});
  dashboard_recent_quantity_changes_ =
      &prometheus::BuildGauge()
           .Name("dashboard_recent_quantity_changes")
           .Help("Quantity changes recorded in the activity history")
           .Register(*registry_)
           .Add({});
  dashboard_part_categories_ = &prometheus::BuildGauge()
                                    .Name("dashboard_part_categories")
                                    .Help("Distinct part categories in use")
                                    .Labels({{"service", "partshop"}})
                                    .Register(*registry_)
                                    .Add({});
}

MetricsService::~MetricsService() { Shutdown(); }

std::shared_ptr<prometheus::Registry> MetricsService::registry() const {
  return registry_;
}

// ---------------------------------------------------------------------------
// Inventory

void MetricsService::RecordQuantityChange(const std::string& operation,
                                          int delta) {
  inventory_quantity_changes_total_.Add({{"operation", operation}})
      .Increment(delta);
}

void MetricsService::RecordPartLookup(const std::string& part_number) {
  inventory_part_lookups_total_.Add({{"part_number", part_number}}).Increment();
}

void MetricsService::RecordLocationMove() {
  inventory_location_moves_total_->Increment();
}

// ---------------------------------------------------------------------------
// Kits

void MetricsService::RecordKitCreated(int count) {
  if (count <= 0) return;
  kits_created_total_->Increment(count);
}

void MetricsService::RecordKitArchived() { kits_archived_total_->Increment(); }

void MetricsService::SetActiveKitsCount(int count) {
  kits_active_count_.Set(count);
}

void MetricsService::RecordKitContentUpdate(const std::string& action) {
  kits_content_updates_total_.Add({{"action", action}}).Increment();
}

void MetricsService::RecordKitOverviewRequest(double duration_seconds) {
  kits_overview_request_duration_seconds_->Observe(duration_seconds);
}

// ---------------------------------------------------------------------------
// Pick lists

void MetricsService::RecordPickListCreated() {
  pick_list_created_total_->Increment();
}

void MetricsService::RecordPickListLinePicked(const std::string& outcome) {
  pick_list_lines_picked_total_.Add({{"outcome", outcome}}).Increment();
}

void MetricsService::RecordPickListCreationDuration(double duration_seconds) {
  pick_list_creation_duration_seconds_->Observe(duration_seconds);
}

void MetricsService::RecordPickListLines(int line_count) {
  pick_list_lines_per_list_.Add({}, kLineCountBuckets).Observe(line_count);
}

void MetricsService::RecordPickListReportGenerated(const std::string& format,
                                                   double duration_seconds) {
  pick_list_reports_generated_total_->Increment();
  pick_list_report_generation_duration_seconds_
      .Add({{"format", format}},
           prometheus::Histogram::BucketBoundaries{0.01, 0.05, 0.1, 0.5, 1.0})
      .Observe(duration_seconds);
}

// ---------------------------------------------------------------------------
// Shopping lists

void MetricsService::RecordKitShoppingListPush(const std::string& outcome) {
  shopping_list_kit_pushes_total_.Add({{"outcome", outcome}}).Increment();
}

void MetricsService::RecordKitShoppingListLinesPushed(int count) {
  shopping_list_kit_lines_pushed_total_->Increment(count);
}

void MetricsService::RecordKitShoppingListUnlink() {
  shopping_list_kit_unlinks_total_->Increment();
}

void MetricsService::RecordShoppingListLineAdded() {
  shopping_list_lines_added_total_->Increment();
}

void MetricsService::RecordLinesMarkedOrdered(const std::string& mode,
                                              int count) {
  if (count <= 0) {
    return;
  }
  shopping_list_lines_marked_ordered_total_.Add({{"mode", mode}})
      .Increment(count);
}

void MetricsService::RecordShoppingListLineReceived() {
  shopping_list_lines_received_total_->Increment();
}

// ---------------------------------------------------------------------------
// SSE gateway

void MetricsService::SetActiveSseConnections(int count) {
  sse_gateway_active_connections_.Set(count);
}

void MetricsService::RecordSseConnectionEvent(const std::string& action) {
  sse_gateway_connections_total_.Add({{"action", action}}).Increment();
}

void MetricsService::RecordSseEventSent(const std::string& service,
                                        const std::string& status) {
  sse_gateway_events_sent_total_.Add({{"service", service}, {"status", status}})
      .Increment();
}

// ---------------------------------------------------------------------------
// Background tasks

void MetricsService::SetTaskQueueDepth(int depth) {
  task_queue_depth_->Set(depth);
}

void MetricsService::RecordTaskExecution(const std::string& task_type,
                                         const std::string& status) {
  task_executions_total_.Add({{"task_type", task_type}, {"status", status}})
      .Increment();
}

void MetricsService::RecordTaskDuration(const std::string& task_type,
                                        double duration_seconds) {
  task_execution_duration_seconds_
      .Add({{"task_type", task_type}}, kTaskDurationBuckets)
      .Observe(duration_seconds);
}

void MetricsService::SetActiveTasksAtShutdown(int count) {
  task_active_tasks_at_shutdown_->Set(count);
}

// ---------------------------------------------------------------------------
// Authentication

void MetricsService::RecordAuthValidation(AuthResult result) {
  std::string label;
  switch (result) {
    case AuthResult::kSuccess:
      label = "success";
      break;
    case AuthResult::kExpired:
      label = "expired";
      break;
    case AuthResult::kInvalid:
      label = "invalid";
      break;
  }
  auth_validation_total_.Add({{"result", label}}).Increment();
}

void MetricsService::RecordAuthValidationDuration(double duration_seconds) {
  auth_validation_duration_seconds_->Observe(duration_seconds);
}

void MetricsService::RecordAuthTokenRefresh() {
  auth_token_refreshes_total_->Increment();
}

void MetricsService::RecordOidcDiscoveryRequest() {
  oidc_discovery_requests_total_->Increment();
}

void MetricsService::RecordOidcTokenExchange(const std::string& status) {
  oidc_token_exchange_total_.Add({{"status", status}}).Increment();
}

// ---------------------------------------------------------------------------
// AI analysis

void MetricsService::RecordAiAnalysisRequest(const std::string& status) {
  ai_analysis_requests_total_.Add({{"status", status}}).Increment();
}

void MetricsService::RecordAiAnalysisDuration(double duration_seconds) {
  ai_analysis_duration_seconds_->Observe(duration_seconds);
}

void MetricsService::RecordAiAnalysisTokens(const std::string& token_type,
                                            int count) {
  ai_analysis_tokens_total_.Add({{"type", token_type}}).Increment(count);
}

void MetricsService::RecordAiFunctionCall(const std::string& function_name) {
  ai_analysis_function_calls_total_.Add({{"function", function_name}})
      .Increment();
}

// ---------------------------------------------------------------------------
// Duplicate search

void MetricsService::RecordDuplicateSearch(const std::string& outcome) {
  duplicate_search_requests_total_.Add({{"outcome", outcome}}).Increment();
}

void MetricsService::RecordDuplicateMatches(int match_count) {
  duplicate_search_matches_found_
      .Add({}, prometheus::Histogram::BucketBoundaries{0, 1, 2, 5, 10, 25})
      .Observe(match_count);
}

void MetricsService::RecordDuplicateSearchCacheHit() {
  duplicate_search_cache_hits_total_->Increment();
}

void MetricsService::RecordDuplicateSearchCacheMiss() {
  duplicate_search_cache_misses_total_->Increment();
}

// ---------------------------------------------------------------------------
// Mouser API

void MetricsService::RecordMouserApiRequest(const std::string& endpoint,
                                            const std::string& status,
                                            double duration_seconds) {
  mouser_api_requests_total_.Add({{"endpoint", endpoint}, {"status", status}})
      .Increment();
  mouser_api_request_duration_seconds_
      .Add({{"endpoint", endpoint}}, kRequestLatencyBuckets)
      .Observe(duration_seconds);
}

void MetricsService::RecordMouserRateLimited() {
  mouser_api_rate_limited_total_->Increment();
}

// ---------------------------------------------------------------------------
// Parts API

void MetricsService::RecordPartsApiRequest(const std::string& endpoint,
                                           const std::string& status) {
  parts_api_requests_total_.Add({{"endpoint", endpoint}, {"status", status}})
      .Increment();
}

void MetricsService::RecordPartsApiDuration(const std::string& endpoint,
                                            double duration_seconds) {
  parts_api_request_duration_seconds_
      .Add({{"endpoint", endpoint}}, kRequestLatencyBuckets)
      .Observe(duration_seconds);
}

// ---------------------------------------------------------------------------
// Application lifecycle

void MetricsService::SetShuttingDown(bool shutting_down) {
  application_shutting_down_.Set(shutting_down ? 1 : 0);
}

void MetricsService::RecordShutdownDuration(double duration_seconds) {
  application_graceful_shutdown_duration_seconds_->Observe(duration_seconds);
}

// ---------------------------------------------------------------------------
// Polling

void MetricsService::RegisterForPolling(std::function<void()> callback) {
  std::lock_guard<std::mutex> lock(mutex_);
  polling_callbacks_.push_back(std::move(callback));
}

void MetricsService::SetDashboardSource(
    std::function<DashboardSnapshot()> source) {
  std::lock_guard<std::mutex> lock(mutex_);
  dashboard_source_ = std::move(source);
}

void MetricsService::StartBackgroundUpdater(
    std::chrono::milliseconds interval) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (updater_thread_.joinable()) {
    return;
  }
  stop_requested_ = false;
  updater_thread_ = std::thread([this, interval] { BackgroundLoop(interval); });
}

bool MetricsService::IsBackgroundUpdaterRunning() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return updater_thread_.joinable();
}

void MetricsService::Shutdown() {
  std::thread worker;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_requested_ = true;
    worker = std::move(updater_thread_);
  }
  stop_cv_.notify_all();
  if (worker.joinable()) {
    worker.join();
  }
}

void MetricsService::PollOnce() {
  std::vector<std::function<void()>> callbacks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    callbacks = polling_callbacks_;
  }
  for (const auto& callback : callbacks) {
    try {
      callback();
    } catch (const std::exception& e) {
      std::cerr << "metrics: polling callback failed: " << e.what() << "\n";
    }
  }
  UpdateDashboardGauges();
}

void MetricsService::BackgroundLoop(std::chrono::milliseconds interval) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_requested_) {
    if (stop_cv_.wait_for(lock, interval, [this] { return stop_requested_; })) {
      break;
    }
    lock.unlock();
    PollOnce();
    lock.lock();
  }
}

void MetricsService::UpdateDashboardGauges() {
  std::function<DashboardSnapshot()> source;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    source = dashboard_source_;
  }
  if (!source) {
    return;
  }

  DashboardSnapshot snapshot;
  try {
    snapshot = source();
  } catch (const std::exception& e) {
    std::cerr << "metrics: dashboard snapshot failed: " << e.what() << "\n";
    return;
  }

  dashboard_total_parts_->Set(snapshot.total_parts);
  dashboard_total_quantity_->Set(snapshot.total_quantity);
  dashboard_low_stock_parts_->Set(snapshot.low_stock_parts);
  dashboard_active_kits_->Set(snapshot.active_kits);
  dashboard_storage_locations_->Set(snapshot.storage_locations);
  dashboard_parts_without_documents_->Set(snapshot.parts_without_documents);
  dashboard_recent_quantity_changes_->Set(snapshot.recent_quantity_changes);
  dashboard_part_categories_->Set(snapshot.part_categories);
}

}  // namespace partshop
