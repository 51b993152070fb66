#include "services/shopping_list_line_service.h"

#include <stdexcept>
#include <utility>

namespace partshop {

ShoppingListLineService::ShoppingListLineService(
    std::string default_seller, MetricsServiceProtocol* metrics)
    : default_seller_(std::move(default_seller)), metrics_(metrics) {}

int ShoppingListLineService::AddLine(const std::string& list_name,
                                     const std::string& part_number,
                                     int quantity, const std::string& seller) {
  if (quantity <= 0) {
    throw std::invalid_argument("quantity must be positive");
  }
  ShoppingListLine line;
  line.id = next_id_++;
  line.list_name = list_name;
  line.part_number = part_number;
  line.quantity = quantity;
  line.seller = seller.empty() ? default_seller_ : seller;
  lines_[line.id] = line;

  if (metrics_) metrics_->RecordShoppingListLineAdded();
  return line.id;
}

bool ShoppingListLineService::RemoveLine(int line_id) {
  return lines_.erase(line_id) > 0;
}

void ShoppingListLineService::MarkOrdered(int line_id) {
  ShoppingListLine& line = GetOrThrow(line_id);
  if (line.status != LineStatus::kNew) {
    return;
  }
  line.status = LineStatus::kOrdered;
  if (metrics_) metrics_->RecordLinesMarkedOrdered("single", 1);
}

int ShoppingListLineService::MarkGroupOrdered(const std::string& list_name,
                                              const std::string& seller) {
  int changed = 0;
  for (auto& entry : lines_) {
    ShoppingListLine& line = entry.second;
    if (line.list_name == list_name && line.seller == seller &&
        line.status == LineStatus::kNew) {
      line.status = LineStatus::kOrdered;
      ++changed;
    }
  }
  if (metrics_) metrics_->RecordLinesMarkedOrdered("group", changed);
  return changed;
}

void ShoppingListLineService::ReceiveLine(int line_id) {
  ShoppingListLine& line = GetOrThrow(line_id);
  if (line.status != LineStatus::kOrdered) {
    throw std::logic_error("only ordered lines can be received");
  }
  line.status = LineStatus::kReceived;
  if (metrics_) metrics_->RecordShoppingListLineReceived();
}

const ShoppingListLine* ShoppingListLineService::GetLine(int line_id) const {
  auto it = lines_.find(line_id);
  return it == lines_.end() ? nullptr : &it->second;
}

std::vector<ShoppingListLine> ShoppingListLineService::LinesFor(
    const std::string& list_name) const {
  std::vector<ShoppingListLine> result;
  for (const auto& entry : lines_) {
    if (entry.second.list_name == list_name) {
      result.push_back(entry.second);
    }
  }
  return result;
}

ShoppingListLine& ShoppingListLineService::GetOrThrow(int line_id) {
  auto it = lines_.find(line_id);
  if (it == lines_.end()) {
    throw std::out_of_range("unknown shopping list line " +
                            std::to_string(line_id));
  }
  return it->second;
}

}  // namespace partshop
