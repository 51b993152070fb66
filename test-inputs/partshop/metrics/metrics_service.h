#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "metrics/dashboard_snapshot.h"

namespace partshop {

enum class AuthResult { kSuccess, kExpired, kInvalid };

// Interface used by the services to record metrics. Lets tests swap in a
// stub or a mock instead of the Prometheus-backed implementation.
class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  // Inventory
  virtual void RecordQuantityChange(const std::string& operation,
                                    int delta) = 0;
  virtual void RecordPartLookup(const std::string& part_number) = 0;
  virtual void RecordLocationMove() = 0;

  // Kits
  virtual void RecordKitCreated(int count = 1) = 0;
  virtual void RecordKitArchived() = 0;
  virtual void SetActiveKitsCount(int count) = 0;
  virtual void RecordKitContentUpdate(const std::string& action) = 0;
  virtual void RecordKitOverviewRequest(double duration_seconds) = 0;

  // Pick lists
  virtual void RecordPickListCreated() = 0;
  virtual void RecordPickListLinePicked(const std::string& outcome) = 0;
  virtual void RecordPickListCreationDuration(double duration_seconds) = 0;
  virtual void RecordPickListLines(int line_count) = 0;
  virtual void RecordPickListReportGenerated(const std::string& format,
                                             double duration_seconds) = 0;

  // Shopping lists
  virtual void RecordKitShoppingListPush(const std::string& outcome) = 0;
  virtual void RecordKitShoppingListLinesPushed(int count) = 0;
  virtual void RecordKitShoppingListUnlink() = 0;
  virtual void RecordShoppingListLineAdded() = 0;
  virtual void RecordLinesMarkedOrdered(const std::string& mode, int count) = 0;
  virtual void RecordShoppingListLineReceived() = 0;

  // SSE gateway
  virtual void SetActiveSseConnections(int count) = 0;
  virtual void RecordSseConnectionEvent(const std::string& action) = 0;
  virtual void RecordSseEventSent(const std::string& service,
                                  const std::string& status = "success") = 0;

  // Background tasks
  virtual void SetTaskQueueDepth(int depth) = 0;
  virtual void RecordTaskExecution(const std::string& task_type,
                                   const std::string& status) = 0;
  virtual void RecordTaskDuration(const std::string& task_type,
                                  double duration_seconds) = 0;
  virtual void SetActiveTasksAtShutdown(int count) = 0;

  // Authentication
  virtual void RecordAuthValidation(AuthResult result) = 0;
  virtual void RecordAuthValidationDuration(double duration_seconds) = 0;
  virtual void RecordAuthTokenRefresh() = 0;
  virtual void RecordOidcDiscoveryRequest() = 0;
  virtual void RecordOidcTokenExchange(const std::string& status) = 0;

  // AI analysis
  virtual void RecordAiAnalysisRequest(const std::string& status) = 0;
  virtual void RecordAiAnalysisDuration(double duration_seconds) = 0;
  virtual void RecordAiAnalysisTokens(const std::string& token_type,
                                      int count) = 0;
  virtual void RecordAiFunctionCall(const std::string& function_name) = 0;

  // Duplicate search
  virtual void RecordDuplicateSearch(const std::string& outcome) = 0;
  virtual void RecordDuplicateMatches(int match_count) = 0;
  virtual void RecordDuplicateSearchCacheHit() = 0;
  virtual void RecordDuplicateSearchCacheMiss() = 0;

  // Mouser API
  virtual void RecordMouserApiRequest(const std::string& endpoint,
                                      const std::string& status,
                                      double duration_seconds) = 0;
  virtual void RecordMouserRateLimited() = 0;

  // Parts API
  virtual void RecordPartsApiRequest(const std::string& endpoint,
                                     const std::string& status) = 0;
  virtual void RecordPartsApiDuration(const std::string& endpoint,
                                      double duration_seconds) = 0;

  // Application lifecycle
  virtual void SetShuttingDown(bool shutting_down) = 0;
  virtual void RecordShutdownDuration(double duration_seconds) = 0;
};

// Owns the Prometheus registry and every metric exported by partshop.
class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();
  ~MetricsService() override;

  MetricsService(const MetricsService&) = delete;
  MetricsService& operator=(const MetricsService&) = delete;

  std::shared_ptr<prometheus::Registry> registry() const;

  // Inventory
  void RecordQuantityChange(const std::string& operation, int delta) override;
  void RecordPartLookup(const std::string& part_number) override;
  void RecordLocationMove() override;

  // Kits
  void RecordKitCreated(int count = 1) override;
  void RecordKitArchived() override;
  void SetActiveKitsCount(int count) override;
  void RecordKitContentUpdate(const std::string& action) override;
  void RecordKitOverviewRequest(double duration_seconds) override;

  // Pick lists
  void RecordPickListCreated() override;
  void RecordPickListLinePicked(const std::string& outcome) override;
  void RecordPickListCreationDuration(double duration_seconds) override;
  void RecordPickListLines(int line_count) override;
  void RecordPickListReportGenerated(const std::string& format,
                                     double duration_seconds) override;

  // Shopping lists
  void RecordKitShoppingListPush(const std::string& outcome) override;
  void RecordKitShoppingListLinesPushed(int count) override;
  void RecordKitShoppingListUnlink() override;
  void RecordShoppingListLineAdded() override;
  void RecordLinesMarkedOrdered(const std::string& mode, int count) override;
  void RecordShoppingListLineReceived() override;

  // SSE gateway
  void SetActiveSseConnections(int count) override;
  void RecordSseConnectionEvent(const std::string& action) override;
  void RecordSseEventSent(const std::string& service,
                          const std::string& status = "success") override;

  // Background tasks
  void SetTaskQueueDepth(int depth) override;
  void RecordTaskExecution(const std::string& task_type,
                           const std::string& status) override;
  void RecordTaskDuration(const std::string& task_type,
                          double duration_seconds) override;
  void SetActiveTasksAtShutdown(int count) override;

  // Authentication
  void RecordAuthValidation(AuthResult result) override;
  void RecordAuthValidationDuration(double duration_seconds) override;
  void RecordAuthTokenRefresh() override;
  void RecordOidcDiscoveryRequest() override;
  void RecordOidcTokenExchange(const std::string& status) override;

  // AI analysis
  void RecordAiAnalysisRequest(const std::string& status) override;
  void RecordAiAnalysisDuration(double duration_seconds) override;
  void RecordAiAnalysisTokens(const std::string& token_type,
                              int count) override;
  void RecordAiFunctionCall(const std::string& function_name) override;

  // Duplicate search
  void RecordDuplicateSearch(const std::string& outcome) override;
  void RecordDuplicateMatches(int match_count) override;
  void RecordDuplicateSearchCacheHit() override;
  void RecordDuplicateSearchCacheMiss() override;

  // Mouser API
  void RecordMouserApiRequest(const std::string& endpoint,
                              const std::string& status,
                              double duration_seconds) override;
  void RecordMouserRateLimited() override;

  // Parts API
  void RecordPartsApiRequest(const std::string& endpoint,
                             const std::string& status) override;
  void RecordPartsApiDuration(const std::string& endpoint,
                              double duration_seconds) override;

  // Application lifecycle
  void SetShuttingDown(bool shutting_down) override;
  void RecordShutdownDuration(double duration_seconds) override;

  // Polling: callbacks run on every background tick, followed by a refresh
  // of the dashboard gauges from the configured snapshot source.
  void RegisterForPolling(std::function<void()> callback);
  void SetDashboardSource(std::function<DashboardSnapshot()> source);

  // Starts the background thread. The first tick happens after one full
  // interval so that startup is not slowed down by dashboard queries.
  void StartBackgroundUpdater(std::chrono::milliseconds interval);
  bool IsBackgroundUpdaterRunning() const;

  // Stops the background thread and waits for it. Safe to call repeatedly.
  void Shutdown();

  // Runs one polling tick synchronously on the calling thread.
  void PollOnce();

 private:
  void UpdateDashboardGauges();
  void BackgroundLoop(std::chrono::milliseconds interval);

  std::shared_ptr<prometheus::Registry> registry_;

  // Inventory
  prometheus::Family<prometheus::Counter>& inventory_quantity_changes_total_;
  prometheus::Family<prometheus::Counter>& inventory_part_lookups_total_;
  prometheus::Counter* inventory_location_moves_total_ = nullptr;

  // Kits
  prometheus::Counter* kits_created_total_ = nullptr;
  prometheus::Counter* kits_archived_total_ = nullptr;
  prometheus::Gauge& kits_active_count_;
  prometheus::Family<prometheus::Counter>& kits_content_updates_total_;
  prometheus::Histogram* kits_overview_request_duration_seconds_ = nullptr;

  // Pick lists
  prometheus::Counter* pick_list_created_total_ = nullptr;
  prometheus::Family<prometheus::Counter>& pick_list_lines_picked_total_;
  prometheus::Histogram* pick_list_creation_duration_seconds_ = nullptr;
  prometheus::Family<prometheus::Histogram>& pick_list_lines_per_list_;
  prometheus::Family<prometheus::Histogram>&
      pick_list_report_generation_duration_seconds_;
  prometheus::Counter* pick_list_reports_generated_total_ = nullptr;

  // Shopping lists
  prometheus::Family<prometheus::Counter>& shopping_list_kit_pushes_total_;
  prometheus::Counter* shopping_list_kit_lines_pushed_total_ = nullptr;
  prometheus::Counter* shopping_list_kit_unlinks_total_ = nullptr;
  prometheus::Counter* shopping_list_lines_added_total_ = nullptr;
  prometheus::Family<prometheus::Counter>&
      shopping_list_lines_marked_ordered_total_;
  prometheus::Counter* shopping_list_lines_received_total_ = nullptr;

  // SSE gateway
  prometheus::Gauge& sse_gateway_active_connections_;
  prometheus::Family<prometheus::Counter>& sse_gateway_connections_total_;
  prometheus::Family<prometheus::Counter>& sse_gateway_events_sent_total_;

  // Background tasks
  prometheus::Gauge* task_queue_depth_ = nullptr;
  prometheus::Family<prometheus::Counter>& task_executions_total_;
  prometheus::Family<prometheus::Histogram>& task_execution_duration_seconds_;
  prometheus::Gauge* task_active_tasks_at_shutdown_ = nullptr;

  // Authentication
  prometheus::Family<prometheus::Counter>& auth_validation_total_;
  prometheus::Histogram* auth_validation_duration_seconds_ = nullptr;
  prometheus::Counter* auth_token_refreshes_total_ = nullptr;
  prometheus::Counter* oidc_discovery_requests_total_ = nullptr;
  prometheus::Family<prometheus::Counter>& oidc_token_exchange_total_;

  // AI analysis
  prometheus::Family<prometheus::Counter>& ai_analysis_requests_total_;
  prometheus::Histogram* ai_analysis_duration_seconds_ = nullptr;
  prometheus::Family<prometheus::Counter>& ai_analysis_tokens_total_;
  prometheus::Family<prometheus::Counter>& ai_analysis_function_calls_total_;

  // Duplicate search
  prometheus::Family<prometheus::Counter>& duplicate_search_requests_total_;
  prometheus::Family<prometheus::Histogram>& duplicate_search_matches_found_;
  prometheus::Counter* duplicate_search_cache_hits_total_ = nullptr;
  prometheus::Counter* duplicate_search_cache_misses_total_ = nullptr;

  // Mouser API
  prometheus::Family<prometheus::Counter>& mouser_api_requests_total_;
  prometheus::Family<prometheus::Histogram>&
      mouser_api_request_duration_seconds_;
  prometheus::Counter* mouser_api_rate_limited_total_ = nullptr;

  // Parts API
  prometheus::Family<prometheus::Counter>& parts_api_requests_total_;
  prometheus::Family<prometheus::Histogram>&
      parts_api_request_duration_seconds_;

  // Application lifecycle
  prometheus::Gauge& application_shutting_down_;
  prometheus::Histogram* application_graceful_shutdown_duration_seconds_ =
      nullptr;

  // Dashboard (refreshed by the polling loop only)
  prometheus::Gauge* dashboard_total_parts_ = nullptr;
  prometheus::Gauge* dashboard_total_quantity_ = nullptr;
  prometheus::Gauge* dashboard_low_stock_parts_ = nullptr;
  prometheus::Gauge* dashboard_active_kits_ = nullptr;
  prometheus::Gauge* dashboard_storage_locations_ = nullptr;
  prometheus::Gauge* dashboard_parts_without_documents_ = nullptr;
  prometheus::Gauge* dashboard_recent_quantity_changes_ = nullptr;
  prometheus::Gauge* dashboard_part_categories_ = nullptr;

  // Polling state
  mutable std::mutex mutex_;
  std::condition_variable stop_cv_;
  std::vector<std::function<void()>> polling_callbacks_;
  std::function<DashboardSnapshot()> dashboard_source_;
  std::thread updater_thread_;
  bool stop_requested_ = false;
};

}  // namespace partshop
