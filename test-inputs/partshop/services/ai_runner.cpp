#include "services/ai_runner.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <sstream>
#include <utility>

namespace partshop {
namespace {

std::vector<std::string> Tokenize(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    words.push_back(word);
  }
  return words;
}

std::string Classify(const std::vector<std::string>& words) {
  for (const auto& word : words) {
    if (word == "resistor") return "Resistors";
    if (word == "capacitor") return "Capacitors";
    if (word == "led") return "LEDs";
    if (word == "mcu" || word == "microcontroller") return "Microcontrollers";
  }
  return "Uncategorized";
}

bool HasDigit(const std::string& word) {
  return std::any_of(word.begin(), word.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

}  // namespace

AiRunner::AiRunner(std::string model_name,
                   std::shared_ptr<MetricsServiceProtocol> metrics)
    : model_name_(std::move(model_name)), metrics_(std::move(metrics)) {}

std::optional<AiAnalysisResult> AiRunner::AnalyzePart(
    const std::string& description) {
  const auto start = std::chrono::steady_clock::now();

  const std::vector<std::string> words = Tokenize(description);
  if (words.empty()) {
    metrics_->RecordAiAnalysisRequest("error");
    return std::nullopt;
  }

  AiAnalysisResult result;
  result.category = Classify(words);
  result.function_calls.push_back("classify_part");
  for (const auto& word : words) {
    if (HasDigit(word)) {
      result.tags.push_back(word);
    }
  }
  if (!result.tags.empty()) {
    result.function_calls.push_back("lookup_datasheet");
  }
  result.input_tokens = static_cast<int>(words.size());
  result.output_tokens = static_cast<int>(result.tags.size()) + 1;

  for (const auto& function_name : result.function_calls) {
    metrics_->RecordAiFunctionCall(function_name);
  }
  metrics_->RecordAiAnalysisTokens("input", result.input_tokens);
  metrics_->RecordAiAnalysisTokens("output", result.output_tokens);
  metrics_->RecordAiAnalysisRequest("success");
  metrics_->RecordAiAnalysisDuration(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return result;
}

}  // namespace partshop
