#pragma once

#include <string>

#include "metrics/dashboard_snapshot.h"
#include "metrics/metrics_service.h"
#include "models/part.h"

namespace partshop {
namespace testing_utils {

// No-op metrics double for tests that only care about business behaviour.
class StubMetricsService : public MetricsServiceProtocol {
 public:
  void RecordQuantityChange(const std::string& /*operation*/,
                            int /*delta*/) override {}
  void RecordPartLookup(const std::string& /*part_number*/) override {}
  void RecordLocationMove() override {}
  void RecordKitCreated(int /*count*/) override {}
  void RecordKitArchived() override {}
  void SetActiveKitsCount(int /*count*/) override {}
  void RecordKitContentUpdate(const std::string& /*action*/) override {}
  void RecordKitOverviewRequest(double /*duration_seconds*/) override {}
  void RecordPickListCreated() override {}
  void RecordPickListLinePicked(const std::string& /*outcome*/) override {}
  void RecordPickListCreationDuration(double /*duration_seconds*/) override {}
  void RecordPickListLines(int /*line_count*/) override {}
  void RecordPickListReportGenerated(const std::string& /*format*/,
                                     double /*duration_seconds*/) override {}
  void RecordKitShoppingListPush(const std::string& /*outcome*/) override {}
  void RecordKitShoppingListLinesPushed(int /*count*/) override {}
  void RecordKitShoppingListUnlink() override {}
  void RecordShoppingListLineAdded() override {}
  void RecordLinesMarkedOrdered(const std::string& /*mode*/,
                                int /*count*/) override {}
  void RecordShoppingListLineReceived() override {}
  void SetActiveSseConnections(int /*count*/) override {}
  void RecordSseConnectionEvent(const std::string& /*action*/) override {}
  void RecordSseEventSent(const std::string& /*service*/,
                          const std::string& /*status*/) override {}
  void SetTaskQueueDepth(int /*depth*/) override {}
  void RecordTaskExecution(const std::string& /*task_type*/,
                           const std::string& /*status*/) override {}
  void RecordTaskDuration(const std::string& /*task_type*/,
                          double /*duration_seconds*/) override {}
  void SetActiveTasksAtShutdown(int /*count*/) override {}
  void RecordAuthValidation(AuthResult /*result*/) override {}
  void RecordAuthValidationDuration(double /*duration_seconds*/) override {}
  void RecordAuthTokenRefresh() override {}
  void RecordOidcDiscoveryRequest() override {}
  void RecordOidcTokenExchange(const std::string& /*status*/) override {}
  void RecordAiAnalysisRequest(const std::string& /*status*/) override {}
  void RecordAiAnalysisDuration(double /*duration_seconds*/) override {}
  void RecordAiAnalysisTokens(const std::string& /*token_type*/,
                              int /*count*/) override {}
  void RecordAiFunctionCall(const std::string& /*function_name*/) override {}
  void RecordDuplicateSearch(const std::string& /*outcome*/) override {}
  void RecordDuplicateMatches(int /*match_count*/) override {}
  void RecordDuplicateSearchCacheHit() override {}
  void RecordDuplicateSearchCacheMiss() override {}
  void RecordMouserApiRequest(const std::string& /*endpoint*/,
                              const std::string& /*status*/,
                              double /*duration_seconds*/) override {}
  void RecordMouserRateLimited() override {}
  void RecordPartsApiRequest(const std::string& /*endpoint*/,
                             const std::string& /*status*/) override {}
  void RecordPartsApiDuration(const std::string& /*endpoint*/,
                              double /*duration_seconds*/) override {}
  void SetShuttingDown(bool /*shutting_down*/) override {}
  void RecordShutdownDuration(double /*duration_seconds*/) override {}
};

inline Part MakeTestPart(const std::string& part_number, int quantity,
                         const std::string& location = "A1",
                         const std::string& description = "test part",
                         const std::string& category = "Misc") {
  Part part;
  part.part_number = part_number;
  part.description = description;
  part.category = category;
  part.location = location;
  part.quantity = quantity;
  return part;
}

inline DashboardSnapshot MakeTestSnapshot() {
  DashboardSnapshot snapshot;
  snapshot.total_parts = 12;
  snapshot.total_quantity = 3400;
  snapshot.low_stock_parts = 3;
  snapshot.active_kits = 2;
  snapshot.storage_locations = 5;
  snapshot.parts_without_documents = 4;
  snapshot.recent_quantity_changes = 17;
  snapshot.part_categories = 6;
  return snapshot;
}

}  // namespace testing_utils
}  // namespace partshop
