#pragma once

#include <map>
#include <string>
#include <vector>

#include "metrics/metrics_service.h"
#include "models/shopping_list_line.h"

namespace partshop {

class ShoppingListLineService {
 public:
  // `metrics` is optional; the service is also used by offline import
  // scripts that run without a metrics registry.
  explicit ShoppingListLineService(std::string default_seller,
                                   MetricsServiceProtocol* metrics = nullptr);

  int AddLine(const std::string& list_name, const std::string& part_number,
              int quantity, const std::string& seller = "");
  bool RemoveLine(int line_id);

  void MarkOrdered(int line_id);
  // Marks every new line of `list_name` bought from `seller` as ordered.
  // Returns the number of lines changed.
  int MarkGroupOrdered(const std::string& list_name, const std::string& seller);
  void ReceiveLine(int line_id);

  const ShoppingListLine* GetLine(int line_id) const;
  std::vector<ShoppingListLine> LinesFor(const std::string& list_name) const;

 private:
  ShoppingListLine& GetOrThrow(int line_id);

  std::string default_seller_;
  MetricsServiceProtocol* metrics_;
  std::map<int, ShoppingListLine> lines_;
  int next_id_ = 1;
};

}  // namespace partshop
