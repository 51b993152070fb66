#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>
#include <vector>

namespace shop {

extern prometheus::Counter& LINES_ADDED_TOTAL;

extern prometheus::Family<prometheus::Counter>& LINES_RECEIVED_TOTAL;

class LineService {
 public:
  LineService();

  int AddLine(const std::string& part);
  void ReceiveLine(int line, const std::string& supplier);

 private:
  std::vector<std::string> lines_;
  std::vector<bool> received_;
};

}  // namespace shop
