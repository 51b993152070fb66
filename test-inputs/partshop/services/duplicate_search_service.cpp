#include "services/duplicate_search_service.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace partshop {
namespace {

std::set<std::string> Words(const std::string& text) {
  std::set<std::string> words;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    words.insert(word);
  }
  return words;
}

double Similarity(const std::set<std::string>& a,
                  const std::set<std::string>& b) {
  if (a.empty() || b.empty()) {
    return 0.0;
  }
  std::size_t common = 0;
  for (const auto& word : a) {
    common += b.count(word);
  }
  const std::size_t total = a.size() + b.size() - common;
  return static_cast<double>(common) / static_cast<double>(total);
}

}  // namespace

DuplicateSearchService::DuplicateSearchService(
    const InventoryService& inventory, std::chrono::seconds cache_ttl,
    MetricsServiceProtocol& metrics)
    : inventory_(inventory), metrics_(metrics), cache_(cache_ttl, metrics) {}

std::vector<DuplicateMatch> DuplicateSearchService::FindDuplicates(
    const std::string& description) {
  if (auto cached = cache_.Get(description)) {
    metrics_.RecordDuplicateSearch("cached");
    return *cached;
  }

  std::vector<DuplicateMatch> matches = Compute(description);
  cache_.Put(description, matches);

  metrics_.RecordDuplicateSearch(matches.empty() ? "none" : "found");
  metrics_.RecordDuplicateMatches(static_cast<int>(matches.size()));
  return matches;
}

std::vector<DuplicateMatch> DuplicateSearchService::Compute(
    const std::string& description) const {
  const std::set<std::string> query = Words(description);
  std::vector<DuplicateMatch> matches;
  for (const Part& part : inventory_.ListParts()) {
    const double score = Similarity(query, Words(part.description));
    if (score >= kMinScore) {
      matches.push_back({part.part_number, score});
    }
  }
  std::sort(matches.begin(), matches.end(),
            [](const DuplicateMatch& a, const DuplicateMatch& b) {
              if (a.score != b.score) return a.score > b.score;
              return a.part_number < b.part_number;
            });
  return matches;
}

}  // namespace partshop
