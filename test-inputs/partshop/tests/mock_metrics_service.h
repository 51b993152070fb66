#pragma once

#include <gmock/gmock.h>

#include <string>

#include "metrics/metrics_service.h"

namespace partshop {
namespace testing_utils {

class MockMetricsService : public MetricsServiceProtocol {
 public:
  MOCK_METHOD(void, RecordQuantityChange,
              (const std::string& operation, int delta), (override));
  MOCK_METHOD(void, RecordPartLookup, (const std::string& part_number),
              (override));
  MOCK_METHOD(void, RecordLocationMove, (), (override));
  MOCK_METHOD(void, RecordKitCreated, (int count), (override));
  MOCK_METHOD(void, RecordKitArchived, (), (override));
  MOCK_METHOD(void, SetActiveKitsCount, (int count), (override));
  MOCK_METHOD(void, RecordKitContentUpdate, (const std::string& action),
              (override));
  MOCK_METHOD(void, RecordKitOverviewRequest, (double duration_seconds),
              (override));
  MOCK_METHOD(void, RecordPickListCreated, (), (override));
  MOCK_METHOD(void, RecordPickListLinePicked, (const std::string& outcome),
              (override));
  MOCK_METHOD(void, RecordPickListCreationDuration, (double duration_seconds),
              (override));
  MOCK_METHOD(void, RecordPickListLines, (int line_count), (override));
  MOCK_METHOD(void, RecordPickListReportGenerated,
              (const std::string& format, double duration_seconds), (override));
  MOCK_METHOD(void, RecordKitShoppingListPush, (const std::string& outcome),
              (override));
  MOCK_METHOD(void, RecordKitShoppingListLinesPushed, (int count), (override));
  MOCK_METHOD(void, RecordKitShoppingListUnlink, (), (override));
  MOCK_METHOD(void, RecordShoppingListLineAdded, (), (override));
  MOCK_METHOD(void, RecordLinesMarkedOrdered,
              (const std::string& mode, int count), (override));
  MOCK_METHOD(void, RecordShoppingListLineReceived, (), (override));
  MOCK_METHOD(void, SetActiveSseConnections, (int count), (override));
  MOCK_METHOD(void, RecordSseConnectionEvent, (const std::string& action),
              (override));
  MOCK_METHOD(void, RecordSseEventSent,
              (const std::string& service, const std::string& status),
              (override));
  MOCK_METHOD(void, SetTaskQueueDepth, (int depth), (override));
  MOCK_METHOD(void, RecordTaskExecution,
              (const std::string& task_type, const std::string& status),
              (override));
  MOCK_METHOD(void, RecordTaskDuration,
              (const std::string& task_type, double duration_seconds),
              (override));
  MOCK_METHOD(void, SetActiveTasksAtShutdown, (int count), (override));
  MOCK_METHOD(void, RecordAuthValidation, (AuthResult result), (override));
  MOCK_METHOD(void, RecordAuthValidationDuration, (double duration_seconds),
              (override));
  MOCK_METHOD(void, RecordAuthTokenRefresh, (), (override));
  MOCK_METHOD(void, RecordOidcDiscoveryRequest, (), (override));
  MOCK_METHOD(void, RecordOidcTokenExchange, (const std::string& status),
              (override));
  MOCK_METHOD(void, RecordAiAnalysisRequest, (const std::string& status),
              (override));
  MOCK_METHOD(void, RecordAiAnalysisDuration, (double duration_seconds),
              (override));
  MOCK_METHOD(void, RecordAiAnalysisTokens,
              (const std::string& token_type, int count), (override));
  MOCK_METHOD(void, RecordAiFunctionCall, (const std::string& function_name),
              (override));
  MOCK_METHOD(void, RecordDuplicateSearch, (const std::string& outcome),
              (override));
  MOCK_METHOD(void, RecordDuplicateMatches, (int match_count), (override));
  MOCK_METHOD(void, RecordDuplicateSearchCacheHit, (), (override));
  MOCK_METHOD(void, RecordDuplicateSearchCacheMiss, (), (override));
  MOCK_METHOD(void, RecordMouserApiRequest,
              (const std::string& endpoint, const std::string& status,
               double duration_seconds),
              (override));
  MOCK_METHOD(void, RecordMouserRateLimited, (), (override));
  MOCK_METHOD(void, RecordPartsApiRequest,
              (const std::string& endpoint, const std::string& status),
              (override));
  MOCK_METHOD(void, RecordPartsApiDuration,
              (const std::string& endpoint, double duration_seconds),
              (override));
  MOCK_METHOD(void, SetShuttingDown, (bool shutting_down), (override));
  MOCK_METHOD(void, RecordShutdownDuration, (double duration_seconds),
              (override));
};

}  // namespace testing_utils
}  // namespace partshop
