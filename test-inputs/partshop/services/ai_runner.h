#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace partshop {

struct AiAnalysisResult {
  std::string category;
  std::vector<std::string> tags;
  std::vector<std::string> function_calls;
  int input_tokens = 0;
  int output_tokens = 0;
};

// Runs the part-analysis prompt. The model is stubbed with a keyword
// classifier so the rest of the pipeline can be exercised offline.
class AiRunner {
 public:
  AiRunner(std::string model_name,
           std::shared_ptr<MetricsServiceProtocol> metrics);

  std::optional<AiAnalysisResult> AnalyzePart(const std::string& description);

  const std::string& model_name() const { return model_name_; }

 private:
  std::string model_name_;
  std::shared_ptr<MetricsServiceProtocol> metrics_;
};

}  // namespace partshop
